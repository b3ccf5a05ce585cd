import { synthLandingZone } from "../helpers/synth";
import type { StackJson, SynthOutput } from "../helpers/synth";

let out: SynthOutput;
let stack: StackJson;

beforeAll(() => {
  out = synthLandingZone();
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
