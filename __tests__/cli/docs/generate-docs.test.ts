import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { regenerateDocs, staleSections } from "../../../cli/docs/generate-docs";

/** A project with a README, a CONTRIBUTING.md and two pages of docs/, one in a subfolder. */
function project(pages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "lz-docs-"));
  mkdirSync(join(root, "docs", "runbooks"), { recursive: true });
  const files = { "README.md": "# Front\n", "CONTRIBUTING.md": "# Contributing\n", ...pages };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  return root;
}

const section = (name: string, body: string) =>
  `<!-- generated:${name} -->\n<!-- prettier-ignore-start -->\n${body}\n<!-- prettier-ignore-end -->\n<!-- /generated:${name} -->\n`;

test("every section of every page is rendered once, and the stale ones are named with what to do", () => {
  const root = project({
    "docs/a.md": `# A\n\n${section("rules", "old rules")}`,
    "docs/runbooks/b.md": `# B\n\n${section("rules", "new rules")}\n${section("gaps", "gaps")}`,
  });
  const rendered: string[] = [];
  const sources = {
    rules: () => (rendered.push("rules"), ["new rules"]),
    gaps: () => (rendered.push("gaps"), ["gaps"]),
  };
  const files = regenerateDocs(root, sources);
  expect(files.map((file) => file.file)).toEqual([
    "README.md",
    "CONTRIBUTING.md",
    "docs/a.md",
    "docs/runbooks/b.md",
  ]);
  expect(rendered).toEqual(["rules", "gaps"]);
  expect(staleSections(files)).toEqual([
    'docs/a.md: generated section "rules" is stale; run npm run docs',
  ]);
  expect(files[2].after).toBe(`# A\n\n${section("rules", "new rules")}`);
});

test("a section no page shows is an error: its markers were lost", () => {
  const root = project({ "docs/a.md": `# A\n\n${section("rules", "rules")}` });
  expect(() => regenerateDocs(root, { rules: () => ["rules"], gaps: () => ["gaps"] })).toThrow(
    "No page shows the generated section gaps: put <!-- generated:NAME --> and <!-- /generated:NAME --> where each belongs, then run npm run docs.",
  );
});
