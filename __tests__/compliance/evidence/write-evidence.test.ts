import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { criteriaInScope } from "../../../compliance/criteria/trust-services-criteria";
import { fromControlMatrixJson } from "../../../compliance/evidence/control-matrix";
import type { CriterionEvidence } from "../../../compliance/evidence/control-matrix";
import type { RuleResultEvidence } from "../../../compliance/evidence/rule-results";
import type { PolicyInventory } from "../../../compliance/evidence/organization-inventory";
import { RULE_PACK } from "../../../compliance/rules/rule-pack";
import { exampleSynth } from "../../helpers/example-synth";
import type { SynthOutput } from "../../helpers/synth-output";

let out: SynthOutput;
const evidence = (name: string) => readFileSync(join(out.outdir, "evidence", name), "utf8");

beforeAll(() => {
  out = exampleSynth();
});

test("the control matrix lists every criterion in scope: security plus the configured categories", () => {
  const matrix: CriterionEvidence[] = fromControlMatrixJson(
    JSON.parse(evidence("control-matrix.json")),
  );
  const expected = criteriaInScope(["availability", "confidentiality"]).map(
    (criterion) => criterion.id,
  );
  expect(matrix.map((criterion) => criterion.id)).toEqual(expected);
  expect(matrix.some((criterion) => criterion.id.startsWith("P"))).toBe(false);
  const markdown = evidence("control-matrix.md");
  for (const id of expected) expect(markdown).toContain(`| ${id} |`);
});

test("every resource address the matrix names exists in the stack it names, with account and region", () => {
  const matrix: CriterionEvidence[] = fromControlMatrixJson(
    JSON.parse(evidence("control-matrix.json")),
  );
  const resources = matrix.flatMap((criterion) =>
    criterion.controls.flatMap((control) => control.resources),
  );
  expect(resources.length).toBeGreaterThan(50);
  for (const resource of resources) {
    if (resource.stack === "repository") {
      expect(existsSync(join(__dirname, "..", "..", "..", resource.address))).toBe(true);
      continue;
    }
    const [type, ...name] = resource.address.split(".");
    expect(out.stack(resource.stack).resource[type][name.join(".")]).toBeDefined();
    expect(resource.region).toMatch(/^us-(east-1|west-2)$/);
  }
  const hardening = resources.find((resource) => resource.stack === "account-prod-platform");
  expect(hardening?.account).toBe("prod-platform (444455556666)");
});

test("criteria are technical, inherited, organizational with their owner, or listed as gaps", () => {
  const matrix: CriterionEvidence[] = fromControlMatrixJson(
    JSON.parse(evidence("control-matrix.json")),
  );
  const byId = new Map(matrix.map((criterion) => [criterion.id, criterion]));
  expect(byId.get("CC6.1")).toMatchObject({ status: "technical" });
  expect(byId.get("CC6.1")!.controls.map((control) => control.id)).toEqual(
    expect.arrayContaining([
      "secure-bucket",
      "kms-customer-managed-key",
      "account-hardening",
      "account-isolation",
    ]),
  );
  expect(byId.get("CC9.2")).toMatchObject({
    status: "organizational",
    owners: [{ area: "vendorReviews", owner: "Procurement <procurement@northwind-health.com>" }],
  });
  // Capacity demand was the example's last gap; per-account budgets watch use against plan.
  expect(byId.get("A1.1")).toMatchObject({ status: "technical" });
  expect(byId.get("A1.1")!.controls.map((control) => control.id)).toContain("cost-budgets");
  expect(evidence("control-matrix.md")).toMatch(/## Gaps\n\nNone\./);
});

test("rule results cover every rule with pass counts", () => {
  const { rules: results }: { rules: RuleResultEvidence[] } = JSON.parse(
    evidence("rule-results.json"),
  );
  expect(results.map((result) => result.id)).toEqual(RULE_PACK.map((rule) => rule.id));
  expect(results.find((result) => result.id === "LZ-ORG-001")!.passed).toBe(10);
  expect(results.find((result) => result.id === "LZ-ACCT-002")!.passed).toBe(22);
});

test("the summary links every document and records the config hash", () => {
  const readme = evidence("README.md");
  for (const document of [
    "control-matrix",
    "rule-results",
    "policy-inventory",
    "access-matrix",
    "organization-diagram",
  ]) {
    expect(readme).toContain(`(${document}.md)`);
  }
  expect(readme).toMatch(/Config hash \(SHA-256 of the config files\): `[0-9a-f]{64}`/);
});

test("the organization diagram is Mermaid with every OU and account", () => {
  const diagram = evidence("organization-diagram.md");
  expect(diagram).toContain("```mermaid\nflowchart TD");
  expect(diagram).toContain("ou_Workloads --> ou_Workloads_Production");
  expect(diagram).toContain("ou_Workloads_Production --> account_prod_data");
  expect(diagram).toMatch(
    /root\["Root: Northwind Health<br\/><i>nwh-organization-integrity, nwh-protect-logging, .*<\/i>"\]/,
  );
  expect(diagram).toContain('ou_Suspended["OU Suspended<br/><i>nwh-deny-all</i>"]');
});

test("the policy inventory lists each policy's statements, size against its limit, criteria and targets", () => {
  const inventory: PolicyInventory = JSON.parse(evidence("policy-inventory.json"));
  const regionDeny = inventory.policies.find((policy) => policy.name === "nwh-region-deny")!;
  expect(regionDeny).toMatchObject({
    configName: "region-deny",
    type: "SERVICE_CONTROL_POLICY",
    targets: ["Workloads", "Sandbox", "Infrastructure"],
    characterLimit: 5120,
    criteria: ["CC6.1", "CC6.6", "C1.1"],
  });
  expect(regionDeny.characters).toBeGreaterThan(500);
  expect(regionDeny.statements).toEqual([
    expect.stringMatching(/^Requests to regions other than us-east-1, us-west-2 are denied/),
  ]);
  const markdown = evidence("policy-inventory.md");
  expect(markdown).toMatch(
    /\| nwh-region-deny \| SERVICE_CONTROL_POLICY \| Workloads, Sandbox, Infrastructure \| \d+ \/ 5120 \| CC6\.1, CC6\.6, C1\.1 \|/,
  );
});

test("each account's effective policies follow its OU chain", () => {
  const inventory: PolicyInventory = JSON.parse(evidence("policy-inventory.json"));
  const prodData = inventory.accounts.find((account) => account.account === "prod-data")!;
  expect(prodData.path).toEqual(["Root", "Workloads", "Workloads/Production", "prod-data"]);
  expect(prodData.policies.map((policy) => `${policy.name}@${policy.attachedAt}`)).toEqual([
    "FullAWSAccess@Root",
    "RCPFullAWSAccess@Root",
    "nwh-organization-integrity@Root",
    "nwh-protect-logging@Root",
    "nwh-protect-security-services@Root",
    "nwh-deny-iam-users@Root",
    "nwh-rcp-tls-only@Root",
    "nwh-rcp-data-perimeter@Root",
    "nwh-tag-policy@Root",
    "nwh-region-deny@Workloads",
    "nwh-backup-production-daily@Workloads/Production",
  ]);
  const audit = inventory.accounts.find((account) => account.account === "audit")!;
  expect(audit.policies.map((policy) => policy.name)).not.toContain("nwh-region-deny");
  // Core accounts can't create IAM users either.
  expect(audit.policies.map((policy) => policy.name)).toContain("nwh-deny-iam-users");
});

test("Identity Center resources serve CC6.1, CC6.2 and CC6.3 in the control matrix", () => {
  const matrix: CriterionEvidence[] = fromControlMatrixJson(
    JSON.parse(evidence("control-matrix.json")),
  );
  for (const id of ["CC6.1", "CC6.2", "CC6.3"]) {
    const controls = matrix.find((criterion) => criterion.id === id)!.controls;
    expect(controls.map((control) => control.id)).toContain("identity-center-assignments");
  }
  const assignments = matrix
    .find((criterion) => criterion.id === "CC6.2")!
    .controls.find((control) => control.id === "identity-center-assignments")!.resources;
  expect(new Set(assignments.map((resource) => resource.stack))).toEqual(
    new Set(["identity", "dev", "staging", "prod"]),
  );
});

test("the change-management process serves CC8.1 through workflows, pipeline roles and plan records", () => {
  const matrix: CriterionEvidence[] = fromControlMatrixJson(
    JSON.parse(evidence("control-matrix.json")),
  );
  const cc81 = matrix.find((criterion) => criterion.id === "CC8.1")!.controls;
  expect(cc81.map((control) => control.id)).toEqual(
    expect.arrayContaining([
      "change-pipeline-identity",
      "change-review",
      "approved-apply",
      "drift-detection",
    ]),
  );
  expect(
    cc81
      .find((control) => control.id === "change-review")!
      .resources.map((resource) => resource.address),
  ).toContain(".github/workflows/plan.yml");
});
