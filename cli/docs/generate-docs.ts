import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exitWithError, UserError } from "../user-error";
import { documentationFiles, PROJECT_ROOT } from "./documentation-files";
import { GENERATED_SECTIONS } from "./generated-section-sources";
import { regenerateSections } from "./generated-sections";
import type { SectionState } from "./generated-sections";

export interface RegeneratedFile {
  /** Relative to the project root: docs/configuration.md. */
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly sections: readonly SectionState[];
}

/**
 * Every documentation file with its generated sections rendered afresh, each section rendered
 * once however many files show it. Nothing is written. A section of `sources` that no file shows
 * is an error: its marker was lost.
 */
export function regenerateDocs(
  root: string = PROJECT_ROOT,
  sources: Readonly<Record<string, () => readonly string[]>> = GENERATED_SECTIONS,
): RegeneratedFile[] {
  const rendered = new Map<string, readonly string[]>();
  const render = (name: string) => {
    if (!Object.hasOwn(sources, name)) return undefined;
    if (!rendered.has(name)) rendered.set(name, sources[name]());
    return rendered.get(name);
  };
  const files = documentationFiles(root).map((file) => {
    const before = readFileSync(join(root, file), "utf8");
    const { text, sections } = regenerateSections(file, before, render);
    return { file, before, after: text, sections };
  });
  const shown = new Set(files.flatMap((file) => file.sections.map((section) => section.name)));
  const lost = Object.keys(sources).filter((name) => !shown.has(name));
  if (lost.length > 0)
    throw new UserError(
      `No page shows the generated section${lost.length > 1 ? "s" : ""} ${lost.join(", ")}: put <!-- generated:NAME --> and <!-- /generated:NAME --> where each belongs, then run npm run docs.`,
    );
  return files;
}

/** One line per out-of-date section: the file, the section and what to do. */
export function staleSections(files: readonly RegeneratedFile[]): string[] {
  return files.flatMap(({ file, sections }) =>
    sections
      .filter((section) => !section.current)
      .map((section) => `${file}: generated section "${section.name}" is stale; run npm run docs`),
  );
}

// `npm run docs`: rewrites every generated section of README.md, CONTRIBUTING.md and docs/.
if (require.main === module) {
  try {
    const files = regenerateDocs();
    for (const { file, after, sections } of files) {
      const stale = sections.filter((section) => !section.current).map((section) => section.name);
      if (stale.length === 0) continue;
      writeFileSync(join(PROJECT_ROOT, file), after);
      console.log(`${file}: rewrote ${stale.join(", ")}`);
    }
    const count = files.reduce((sum, file) => sum + file.sections.length, 0);
    console.log(`${count} generated sections in ${files.length} files are up to date.`);
  } catch (error) {
    exitWithError(error);
  }
}
