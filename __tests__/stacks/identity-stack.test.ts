import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AccessMatrix } from "../../compliance/evidence/access-matrix";
import { evaluateRules } from "../../compliance/rules/evaluate-rules";
import { RULE_PACK } from "../../compliance/rules/rule-pack";
import { exampleSynth } from "../helpers/example-synth";
import { copyExampleConfig, replaceInFile } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import { defaultProvider, EXAMPLE_MEMBER_ROLE } from "../helpers/synth-output";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
beforeAll(() => {
  out = exampleSynth();
});

const permissionSets = () =>
  Object.values(out.resources("identity", "aws_ssoadmin_permission_set"));
const setNamed = (name: string) => permissionSets().find((set) => set.name === name)!;

test("looks up the Identity Center instance in the management account", () => {
  const stack = out.stack("identity");
  expect(stack.data.aws_ssoadmin_instances).toBeDefined();
  expect(stack.provider.aws[0].allowed_account_ids).toEqual(["111122223333"]);
  expect(setNamed("ReadOnly").instance_arn).toMatch(
    /^\$\{element\(tolist\(data\.aws_ssoadmin_instances\..+\.arns\), 0\)\}$/,
  );
});

test("permission sets carry their sessions: privileged sets short, with a 1-hour default", () => {
  expect(
    permissionSets()
      .map((set) => set.name)
      .sort(),
  ).toEqual([
    "Billing",
    "BreakGlassAdmin",
    "Developer",
    "PlatformAdmin",
    "ReadOnly",
    "SecurityAudit",
  ]);
  expect(setNamed("BreakGlassAdmin")).toMatchObject({
    session_duration: "PT1H",
    tags: { Privileged: "true" },
  });
  expect(setNamed("PlatformAdmin").session_duration).toBe("PT2H");
  expect(setNamed("Billing").session_duration).toBe("PT4H");
  expect(setNamed("ReadOnly").session_duration).toBe("PT8H");
});

test("policies are attached as configured, including the developer's inline policy from its JSON file", () => {
  const managed = Object.values(
    out.resources("identity", "aws_ssoadmin_managed_policy_attachment"),
  ).map((attachment) => attachment.managed_policy_arn);
  expect(managed.filter((arn) => arn.endsWith("/AdministratorAccess"))).toHaveLength(2);
  expect(managed).toContain("arn:aws:iam::aws:policy/PowerUserAccess");
  const [inline] = Object.values(
    out.resources("identity", "aws_ssoadmin_permission_set_inline_policy"),
  );
  expect(JSON.parse(inline.inline_policy).Statement).toEqual([
    expect.objectContaining({
      Sid: "NoIamOrOrganizationsChanges",
      Effect: "Deny",
      Action: expect.arrayContaining(["iam:Attach*", "organizations:*"]),
    }),
    expect.objectContaining({
      Sid: "NoIamCreationButServiceLinkedRoles",
      Action: "iam:Create*",
      Condition: { Null: { "iam:AWSServiceName": "true" } },
    }),
  ]);
});

test("groups created in the identity store can't be destroyed by accident", () => {
  const groups = Object.values(out.resources("identity", "aws_identitystore_group"));
  expect(groups.map((group) => group.display_name).sort()).toEqual([
    "break-glass",
    "data-engineers",
    "developers",
    "finance",
    "platform-admins",
    "security-auditors",
  ]);
  for (const group of groups) expect(group.lifecycle).toEqual({ prevent_destroy: true });
});

test("core accounts are assigned by the identity stack, workload accounts by their environment's stack", () => {
  const assignmentsIn = (stack: string) =>
    Object.values(out.resources(stack, "aws_ssoadmin_account_assignment"));
  expect(assignmentsIn("identity")).toHaveLength(12);
  for (const assignment of assignmentsIn("prod")) {
    expect(assignment).toMatchObject({ principal_type: "GROUP", target_type: "AWS_ACCOUNT" });
    expect(assignment.permission_set_arn).toMatch(/cross-stack-reference-input-identity/);
  }
});

test("the access matrix matches the synthesized assignments exactly", () => {
  const matrix: AccessMatrix = JSON.parse(
    readFileSync(join(out.outdir, "evidence", "access-matrix.json"), "utf8"),
  );
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const fromMatrix = matrix.grants
    .map((grant) => [grant.account, grant.group, grant.permissionSet].map(slug).join("--"))
    .sort();
  const synthesized = ["identity", "dev", "staging", "prod"]
    .flatMap((stack) => Object.values(out.resources(stack, "aws_ssoadmin_account_assignment")))
    .map((assignment) => String(assignment["//"].metadata.path).split("/").pop())
    .sort();
  expect(synthesized).toEqual(fromMatrix);
  expect(matrix.grants.slice(0, 20).every((grant) => grant.privileged)).toBe(true);
  const csv = readFileSync(join(out.outdir, "evidence", "access-review.csv"), "utf8")
    .trim()
    .split("\n");
  expect(csv).toHaveLength(matrix.grants.length + 1);
  expect(csv[0]).toBe(
    "group,permission_set,account,account_id,privileged,session_duration,justification,decision (keep/remove),reviewer,review_date",
  );
});

test("the rule pack flags administrator access unless the set is marked privileged and justified", () => {
  const identity = { name: "identity", json: out.stack("identity") };
  const settings = { minimumLogRetentionDays: 365, minimumBackupRetentionDays: 35 };
  const unjustified = evaluateRules([identity], RULE_PACK, settings, []).filter(
    (finding) => finding.status === "non-compliant",
  );
  expect(
    unjustified
      .map((finding) => `${finding.rule.id} ${finding.address.split("_managed-policy")[0]}`)
      .sort(),
  ).toEqual([
    "LZ-IAM-002 aws_ssoadmin_managed_policy_attachment.permission-set-breakglassadmin",
    "LZ-IAM-002 aws_ssoadmin_managed_policy_attachment.permission-set-platformadmin",
  ]);
  const results = readFileSync(join(out.outdir, "evidence", "rule-results.md"), "utf8");
  expect(results).toMatch(
    /\| LZ-IAM-002 \| identity \| `aws_ssoadmin_managed_policy_attachment\.permission-set-breakglassadmin_[^`]+` \| attaches AdministratorAccess \| Privileged permission set BreakGlassAdmin: Emergency access only;/,
  );
});

describe("with groups from an external IdP and a delegated administrator", () => {
  let delegated: SynthOutput;
  beforeAll(() => {
    const configDir = copyExampleConfig();
    const identityFile = join(configDir, "identity.yaml");
    replaceInFile(
      identityFile,
      "groupSource: identity-store",
      "groupSource: external-idp\ndelegatedAdministrator: shared-services",
    );
    delegated = synthLandingZone(configDir);
  });

  test("groups are looked up by display name, not created", () => {
    expect(delegated.resources("identity", "aws_identitystore_group")).toEqual({});
    const lookups = Object.values<StackJson>(
      delegated.stack("identity").data.aws_identitystore_group,
    );
    expect(
      lookups.map((lookup) => lookup.alternate_identifier.unique_attribute.attribute_value).sort(),
    ).toContain("developers");
    expect(lookups[0].alternate_identifier.unique_attribute.attribute_path).toBe("DisplayName");
  });

  test("Identity Center is administered from the delegated account, registered by the organization stack", () => {
    expect(defaultProvider(delegated.stack("identity")).assume_role[0].role_arn).toMatch(
      EXAMPLE_MEMBER_ROLE,
    );
    const [registration] = Object.values(
      delegated.resources("organization", "aws_organizations_delegated_administrator"),
    );
    expect(registration.service_principal).toBe("sso.amazonaws.com");
    const prodProviders = delegated.stack("prod").provider.aws;
    expect(prodProviders.map((provider: { alias?: string }) => provider.alias)).toEqual([
      undefined,
      // Reads whether the delegated account has its deploy role yet (pipeline.memberRole: deploy).
      "deploy-role-probe-shared-services",
      "identity-center",
    ]);
    for (const assignment of Object.values(
      delegated.resources("prod", "aws_ssoadmin_account_assignment"),
    )) {
      expect(assignment.provider).toBe("aws.identity-center");
    }
  });
});
