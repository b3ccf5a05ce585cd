import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILT_IN_JUSTIFICATION_PREFIX } from "../../compliance/suppressions/pipeline-roles";
import { synthLandingZone } from "../helpers/synth";

const MINIMAL = join(__dirname, "..", "fixtures", "config", "minimal");

test("a minimal organization synthesizes with no suppressions of its own", () => {
  const organization = readFileSync(join(MINIMAL, "organization.yaml"), "utf8");
  expect(organization).not.toContain("suppressions");
  const out = synthLandingZone(MINIMAL);
  expect(Object.keys(out.manifest.stacks)).toContain("account-prod-data");
});

test("the landing zone's own administrator roles are exceptions the evidence marks as built in", () => {
  const out = synthLandingZone(MINIMAL);
  const results = JSON.parse(
    readFileSync(join(out.outdir, "evidence", "rule-results.json"), "utf8"),
  );
  const exceptions = results.rules.find((rule: { id: string }) => rule.id === "LZ-IAM-002")
    .exceptions as { stack: string; address: string; justification: string }[];
  expect(exceptions.map((exception) => exception.stack).sort()).toEqual([
    "account-audit",
    "account-log-archive",
    "account-prod-app",
    "account-prod-data",
    "pipeline",
  ]);
  for (const exception of exceptions)
    expect(exception.justification.startsWith(BUILT_IN_JUSTIFICATION_PREFIX)).toBe(true);
  expect(results.unusedSuppressions).toEqual([]);
});
