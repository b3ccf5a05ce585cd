import { exampleSynth } from "../helpers/example-synth";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
let stack: StackJson;

beforeAll(() => {
  out = exampleSynth();
  stack = out.stack("organization");
});

const ous = () =>
  Object.entries(out.resources("organization", "aws_organizations_organizational_unit"));

test("the organization has all features, every guardrail policy type and trusted service access", () => {
  const [organization] = Object.values(
    out.resources("organization", "aws_organizations_organization"),
  );
  expect(organization.feature_set).toBe("ALL");
  expect(organization.enabled_policy_types).toEqual([
    "SERVICE_CONTROL_POLICY",
    "RESOURCE_CONTROL_POLICY",
    "TAG_POLICY",
    "BACKUP_POLICY",
  ]);
  for (const service of [
    "cloudtrail",
    "config",
    "guardduty",
    "securityhub",
    "access-analyzer",
    "sso",
    "backup",
    "macie",
    "inspector2",
    "ssm",
  ]) {
    expect(organization.aws_service_access_principals).toContain(`${service}.amazonaws.com`);
  }
  expect(organization.lifecycle).toEqual({ prevent_destroy: true });
});

test("root sessions can be opened: IAM has trusted access and the organization's root features are on", () => {
  const [[address, organization]] = Object.entries(
    out.resources("organization", "aws_organizations_organization"),
  );
  expect(organization.aws_service_access_principals).toContain("iam.amazonaws.com");
  const [features] = Object.values(out.resources("organization", "aws_iam_organizations_features"));
  expect(features).toMatchObject({
    enabled_features: ["RootCredentialsManagement", "RootSessions"],
    depends_on: [`aws_organizations_organization.${address}`],
    lifecycle: { prevent_destroy: true },
  });
});

test("an existing organization is imported, not created", () => {
  const [address] = Object.keys(out.resources("organization", "aws_organizations_organization"));
  expect(stack.import).toEqual([
    { to: `aws_organizations_organization.${address}`, id: "o-k7q2mz4x9a" },
  ]);
});

test("builds the OU tree with each OU under its parent", () => {
  const byName = new Map(ous().map(([address, ou]) => [ou.name, { address, ou }]));
  expect([...byName.keys()].sort()).toEqual([
    "Development",
    "Infrastructure",
    "Production",
    "Sandbox",
    "Security",
    "Staging",
    "Suspended",
    "Workloads",
  ]);
  expect(byName.get("Workloads")!.ou.parent_id).toMatch(
    /^\$\{aws_organizations_organization\..+\.roots\[0\]\.id\}$/,
  );
  expect(byName.get("Production")!.ou.parent_id).toBe(
    `\${aws_organizations_organizational_unit.${byName.get("Workloads")!.address}.id}`,
  );
  for (const [, ou] of ous()) expect(ou.lifecycle).toEqual({ prevent_destroy: true });
});

test("core accounts are created safely in their OUs with the configured access role", () => {
  const accounts = Object.values(out.resources("organization", "aws_organizations_account"));
  expect(accounts.map((account) => account.name).sort()).toEqual([
    "audit",
    "log-archive",
    "shared-services",
  ]);
  const securityOu = ous().find(([, ou]) => ou.name === "Security")![0];
  for (const account of accounts) {
    expect(account).toMatchObject({
      close_on_deletion: false,
      role_name: "OrganizationAccountAccessRole",
    });
    expect(account.lifecycle).toEqual({
      prevent_destroy: true,
      ignore_changes: ["role_name", "iam_user_access_to_billing"],
    });
  }
  expect(accounts[0].parent_id).toBe(`\${aws_organizations_organizational_unit.${securityOu}.id}`);
});

test("keeps state in S3 under its own key, encrypted and locked", () => {
  expect(stack.terraform.backend.s3).toEqual({
    bucket: "nwh-terraform-state-111122223333",
    key: "landing-zone/organization.tfstate",
    region: "us-east-1",
    encrypt: true,
    use_lockfile: true,
  });
});

test("matches the snapshot of the example organization", () => {
  expect(stack).toMatchSnapshot();
});

describe("organization policies", () => {
  const policies = () => Object.entries(out.resources("organization", "aws_organizations_policy"));
  const attachments = () =>
    Object.values(out.resources("organization", "aws_organizations_policy_attachment"));
  const policyAddress = (name: string) =>
    policies().find(([, policy]) => policy.name === `nwh-${name}`)![0];

  test("every attached policy exists once, minified, with its type", () => {
    expect(
      policies()
        .map(([, policy]) => policy.name)
        .sort(),
    ).toEqual(
      [
        "backup-production-daily",
        "deny-all",
        "deny-iam-users",
        "organization-integrity",
        "protect-logging",
        "protect-security-services",
        "rcp-data-perimeter",
        "rcp-tls-only",
        "region-deny",
        "tag-policy",
      ].map((name) => `nwh-${name}`),
    );
    for (const [, policy] of policies()) {
      expect(policy.content).toBe(JSON.stringify(JSON.parse(policy.content)));
    }
    const [, perimeter] = policies().find(
      ([, policy]) => policy.name === "nwh-rcp-data-perimeter",
    )!;
    expect(perimeter.type).toBe("RESOURCE_CONTROL_POLICY");
    expect(JSON.parse(perimeter.content).Statement[0].Condition.StringNotEqualsIfExists).toEqual({
      "aws:PrincipalOrgID": "o-k7q2mz4x9a",
    });
  });

  test("guardrails attach at the root, region deny on workload OUs and deny-all on Suspended", () => {
    const targetsOf = (name: string) =>
      attachments()
        .filter(
          (attachment) =>
            attachment.policy_id === `\${aws_organizations_policy.${policyAddress(name)}.id}`,
        )
        .map((attachment) => attachment.target_id as string);
    const ouId = (name: string) => {
      const [address] = ous().find(([, ou]) => ou.name === name)!;
      return `\${aws_organizations_organizational_unit.${address}.id}`;
    };
    expect(targetsOf("organization-integrity")).toEqual([
      expect.stringMatching(/\.roots\[0\]\.id\}$/),
    ]);
    expect(targetsOf("region-deny").sort()).toEqual(
      [ouId("Workloads"), ouId("Sandbox"), ouId("Infrastructure")].sort(),
    );
    expect(targetsOf("deny-all")).toEqual([ouId("Suspended")]);
    expect(targetsOf("backup-production-daily")).toEqual([ouId("Production")]);
  });
});

test("the organization backup policy names the vault, role and tag key every account baseline creates", () => {
  const [policy] = Object.values(out.resources("organization", "aws_organizations_policy")).filter(
    (entry) => entry.type === "BACKUP_POLICY",
  );
  const plan = JSON.parse(policy.content).plans["backup-production-daily"];
  expect(plan.rules.scheduled.target_backup_vault_name).toEqual({ "@@assign": "nwh-vault" });
  const { tagged } = plan.selections.tags;
  expect(tagged.iam_role_arn).toEqual({ "@@assign": "arn:aws:iam::$account:role/nwh-backup" });
  expect(tagged.tag_key).toEqual({ "@@assign": "backup" });

  // What a production account's baseline creates, by the same names.
  const vaultNames = Object.values(out.resources("account-prod-data", "aws_backup_vault")).map(
    (vault) => vault.name,
  );
  expect(new Set(vaultNames)).toEqual(new Set(["nwh-vault"]));
  expect(
    Object.values(out.resources("account-prod-data", "aws_iam_role")).map((role) => role.name),
  ).toContain("nwh-backup");
  const selectionKeys = Object.values(out.resources("account-prod-data", "aws_backup_selection"))
    .flatMap((selection) => selection.selection_tag)
    .map((tag) => tag.key);
  expect(new Set(selectionKeys)).toEqual(new Set(["backup"]));
});
