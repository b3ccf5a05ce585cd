import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readmeWithGapList } from "../aws-harness/emulator/readme-gap-list";
import { RULE_PACK } from "../compliance/rules/rule-pack";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const scripts = Object.keys(
  JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).scripts,
);

test("the README lists every guardrail rule with its title", () => {
  for (const rule of RULE_PACK)
    expect(readme).toMatch(
      new RegExp(`\\| ${rule.id} +\\| ${rule.title.replace(/[()*+?.]/g, "\\$&")} +\\|`),
    );
});

test("every npm script the README runs exists", () => {
  const mentioned = [...readme.matchAll(/npm run ([a-z-]+)/g)].map((match) => match[1]);
  expect(mentioned.length).toBeGreaterThan(0);
  for (const script of mentioned) expect(scripts).toContain(script);
});

test("the README's emulator gap list is the one the harness uses (npm run generate-gap-list)", () => {
  expect(readme).toBe(readmeWithGapList(readme));
});
