import { readdirSync } from "node:fs";
import { join } from "node:path";

export const PROJECT_ROOT = join(__dirname, "..", "..");
/** The documentation pages beyond the two files at the top. */
const DOCS_DIR = "docs";

/**
 * Every Markdown file of the project's documentation, relative to the project root:
 * README.md, CONTRIBUTING.md and everything under docs/, sorted.
 */
export function documentationFiles(root: string = PROJECT_ROOT): string[] {
  const pages = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return pages(path);
      return entry.name.endsWith(".md") ? [path] : [];
    });
  return ["README.md", "CONTRIBUTING.md", ...pages(DOCS_DIR).sort()];
}
