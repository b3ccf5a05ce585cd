import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { documentationFiles, PROJECT_ROOT } from "../../cli/docs/documentation-files";
import { headingAnchors, markdownLinks } from "../../cli/docs/markdown-links";

const files = documentationFiles();
const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), "utf8");
/** A scheme (https:, mailto:) makes a link external: not this check's business. */
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** What is wrong with a link of `file`, if anything. */
function problem(file: string, target: string): string | undefined {
  const hash = target.indexOf("#");
  const path = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? undefined : target.slice(hash + 1);
  const resolved = path === "" ? file : normalize(join(dirname(file), decodeURI(path)));
  if (resolved.startsWith("..")) return "leaves the project";
  if (!existsSync(join(PROJECT_ROOT, resolved))) return `${resolved} does not exist`;
  if (anchor === undefined) return undefined;
  if (!resolved.endsWith(".md")) return `an anchor into ${resolved}, which is not Markdown`;
  if (!headingAnchors(read(resolved)).includes(anchor))
    return `${resolved} has no heading whose anchor is #${anchor}`;
  return undefined;
}

test("the documentation is README.md, CONTRIBUTING.md and the pages of docs/", () => {
  expect(files.slice(0, 2)).toEqual(["README.md", "CONTRIBUTING.md"]);
  expect(files).toContain("docs/runbooks/break-glass.md");
});

test("every relative link reaches a file, and every #anchor a heading of that file", () => {
  const links = files.flatMap((file) =>
    markdownLinks(read(file))
      .filter(({ target }) => !EXTERNAL.test(target))
      .map((link) => ({ file, ...link })),
  );
  expect(links.length).toBeGreaterThan(50);
  const broken = links.flatMap(({ file, line, target }) => {
    const found = problem(file, target);
    return found === undefined ? [] : [`${file}:${line} (${target}): ${found}`];
  });
  expect(broken).toEqual([]);
});
