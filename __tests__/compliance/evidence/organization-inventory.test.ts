import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyInventory } from "../../../compliance/evidence/organization-inventory";
import { exampleSynth } from "../../helpers/example-synth";
import type { SynthOutput } from "../../helpers/synth-output";

let out: SynthOutput;
let inventory: PolicyInventory;
const evidence = (name: string) => readFileSync(join(out.outdir, "evidence", name), "utf8");

beforeAll(() => {
  out = exampleSynth();
  inventory = JSON.parse(evidence("policy-inventory.json")) as PolicyInventory;
});

test("policies are named as in AWS: the names the organization stack gives them", () => {
  const inAws = Object.values(
    out.resources("organization", "aws_organizations_policy") as Record<string, { name: string }>,
  ).map((policy) => policy.name);
  expect(inventory.policies.map((policy) => policy.name).sort()).toEqual(inAws.sort());
  expect(inventory.policies.map((policy) => policy.configName)).toContain("organization-integrity");
  const markdown = evidence("policy-inventory.md");
  expect(markdown).toContain("\n## nwh-organization-integrity\n");
  expect(markdown).toMatch(/\| nwh-tag-policy \| TAG_POLICY \| Root \|/);
  expect(markdown).not.toMatch(/^\| (organization-integrity|tag-policy) \|/m);
  expect(evidence("organization-diagram.md")).toContain(
    '["OU Production<br/><i>nwh-backup-production-daily</i>"]',
  );
});

test("organization-integrity names the protected roles apart from the exempt principals", () => {
  const integrity = inventory.policies.find(
    (policy) => policy.configName === "organization-integrity",
  )!;
  const sentence = integrity.statements.find((statement) => statement.includes("roles ("))!;
  const match =
    /^The landing zone's roles \(([^)]+)\) can't be created, changed or deleted except by the exempt principals \(([^)]+)\)/.exec(
      sentence,
    );
  expect(match).not.toBeNull();
  const [, protectedRoles, exempt] = match!;
  // The plan and read roles are protected but exempt from nothing.
  expect(protectedRoles.split(", ")).toEqual(
    expect.arrayContaining([
      "OrganizationAccountAccessRole",
      "nwh-lz-pipeline",
      "nwh-lz-plan",
      "nwh-lz-read",
    ]),
  );
  expect(exempt.split(", ")).toEqual(
    expect.arrayContaining([
      "nwh-lz-pipeline",
      "nwh-lz-deploy",
      "the break-glass permission set BreakGlassAdmin",
    ]),
  );
  expect(exempt).not.toMatch(/nwh-lz-plan|nwh-lz-read/);
  expect(sentence).not.toMatch(/^Only exempt roles/);
});

test("the effective-policy table has the management account, where SCPs and RCPs don't apply", () => {
  const management = inventory.accounts.find((account) => account.kind === "management")!;
  expect(management).toEqual({
    account: "management",
    kind: "management",
    accountId: "111122223333",
    path: ["Root", "management"],
    policies: [
      { name: "nwh-tag-policy", configName: "tag-policy", type: "TAG_POLICY", attachedAt: "Root" },
    ],
    note: expect.stringMatching(
      /^Service control policies and resource control policies don't apply to the management account/,
    ),
  });
  for (const account of inventory.accounts.filter((entry) => entry.kind === "member"))
    expect(account.note).toBeNull();
  expect(evidence("policy-inventory.md")).toMatch(
    /\n\| management \(111122223333\) \| nwh-tag-policy \(Root\) \| Service control policies and resource control policies don't apply to the management account[^|]* \|\n/,
  );
});

test("the organization diagram shows the management account under the root", () => {
  const diagram = evidence("organization-diagram.md");
  expect(diagram).toContain(
    `management_account(["management (111122223333)<br/><i>SCPs and RCPs don't apply</i>"])`,
  );
  expect(diagram).toContain("root --> management_account");
});
