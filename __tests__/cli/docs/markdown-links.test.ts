import { githubSlug, headingAnchors, markdownLinks } from "../../../cli/docs/markdown-links";

test.each([
  ["Proof from AWS's side (`npm run test:aws`)", "proof-from-awss-side-npm-run-testaws"],
  ["Operations baseline: patching, backup and WAF", "operations-baseline-patching-backup-and-waf"],
  ["The pipeline's identity (`pipeline` stack)", "the-pipelines-identity-pipeline-stack"],
  ["Environment files (`dev.yaml`, `staging.yaml`)", "environment-files-devyaml-stagingyaml"],
  [
    "Account creation and the five-at-a-time limit",
    "account-creation-and-the-five-at-a-time-limit",
  ],
  ["A [linked](x.md) **bold** `__tests__` title", "a-linked-bold-__tests__-title"],
])("GitHub's anchor for %j is %j", (heading, slug) => {
  expect(githubSlug(heading)).toBe(slug);
});

test("a repeated heading is numbered; headings in fenced code are not headings", () => {
  const markdown = [
    "# Guide",
    "## Steps",
    "```sh",
    "# a shell comment",
    "```",
    "## Steps",
    "### Closing ##",
  ].join("\n");
  expect(headingAnchors(markdown)).toEqual(["guide", "steps", "steps-1", "closing"]);
});

test("links are found with their lines, outside code blocks and code spans", () => {
  const markdown = [
    "See [the guide](docs/guide.md#steps) and ![a diagram](img/d.png).",
    "In code: `[not](a-link.md)`",
    "```md",
    "[not](either.md)",
    "```",
    '[titled](<docs/a b.md> "Title") and [external](https://example.com).',
    "[ref]: docs/reference.md",
  ].join("\n");
  expect(markdownLinks(markdown)).toEqual([
    { target: "docs/guide.md#steps", line: 1 },
    { target: "img/d.png", line: 1 },
    { target: "docs/a b.md", line: 6 },
    { target: "https://example.com", line: 6 },
    { target: "docs/reference.md", line: 7 },
  ]);
});
