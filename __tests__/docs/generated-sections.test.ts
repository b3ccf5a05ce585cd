import { regenerateDocs, staleSections } from "../../cli/docs/generate-docs";
import { GENERATED_SECTIONS } from "../../cli/docs/generated-section-sources";

const files = regenerateDocs();

test("every generated section of the documentation is up to date", () => {
  // Each line names the file and the section; `npm run docs` rewrites them.
  expect(staleSections(files)).toEqual([]);
});

test("each generated section is on the page about its subject", () => {
  const shownIn = Object.fromEntries(
    files.flatMap(({ file, sections }) => sections.map((section) => [section.name, file])),
  );
  expect(shownIn).toEqual({
    "config-organization": "docs/configuration.md",
    "config-environment": "docs/configuration.md",
    "config-identity": "docs/configuration.md",
    "guardrail-rules": "docs/guardrails.md",
    "emulator-gaps": "docs/proof-from-aws.md",
    "bench-figures": "docs/scale.md",
    "bench-summary": "README.md",
  });
  expect(Object.keys(shownIn).sort()).toEqual(Object.keys(GENERATED_SECTIONS).sort());
});
