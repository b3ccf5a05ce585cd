import { readFileSync } from "node:fs";
import { join } from "node:path";
import { documentationFiles, PROJECT_ROOT } from "../../cli/docs/documentation-files";
import { RULE_PACK } from "../../compliance/rules/rule-pack";

const files = documentationFiles();
const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), "utf8");
const scripts = Object.keys(JSON.parse(read("package.json")).scripts);

test("README.md stays a front page: under 15 KB", () => {
  expect(Buffer.byteLength(read("README.md"))).toBeLessThan(15_000);
});

test("README.md links to every page of docs/", () => {
  const readme = read("README.md");
  const unlinked = files.filter(
    (file) => file.startsWith("docs/") && !readme.includes(`](${file}`),
  );
  expect(unlinked).toEqual([]);
});

test("every npm script the documentation runs exists", () => {
  const missing = files.flatMap((file) =>
    [...read(file).matchAll(/npm run ([a-z0-9][a-z0-9:-]*[a-z0-9])/g)]
      .map((match) => match[1])
      .filter((script) => !scripts.includes(script))
      .map((script) => `${file}: npm run ${script}`),
  );
  expect(missing).toEqual([]);
  expect(read("README.md")).toContain("npm run test:aws");
});

test("docs/guardrails.md lists every guardrail rule with its title and criteria", () => {
  const guardrails = read("docs/guardrails.md");
  for (const rule of RULE_PACK)
    expect(guardrails).toContain(`| ${rule.id} | ${rule.title} | ${rule.criteria.join(", ")} |`);
});
