import {
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { mockClient } from "aws-sdk-client-mock";
import { expectedPolicies } from "../../../../cli/evidence-collection/collectors/expected-policy-attachments";
import { ORGANIZATION_POLICIES } from "../../../../cli/evidence-collection/collectors/organization-policies";
import { collect, exampleConfig, exampleRun, exampleTree } from "../evidence-run-fixture";

const organizations = mockClient(OrganizationsClient);
afterAll(() => organizations.restore());

const ROOT = "r-root";
const ALL_OUS = ["ou-security", "ou-infrastructure", "ou-workloads", "ou-workloadsdevelopment"];

/** Policies as AWS lists them, each with the targets it is attached to and its document. */
async function organizationWith(
  policies: readonly { name: string; awsManaged?: boolean; targets: string[]; content?: string }[],
) {
  const expected = expectedPolicies(await exampleConfig(), exampleTree().id);
  organizations.reset();
  organizations.on(ListPoliciesCommand).resolves({
    Policies: policies.map((policy, index) => ({
      Id: `p-${index}`,
      Name: policy.name,
      AwsManaged: policy.awsManaged ?? false,
    })),
  });
  policies.forEach((policy, index) => {
    organizations
      .on(ListTargetsForPolicyCommand, { PolicyId: `p-${index}` })
      .resolves({ Targets: policy.targets.map((id) => ({ TargetId: id })) });
    organizations.on(DescribePolicyCommand, { PolicyId: `p-${index}` }).resolves({
      Policy: {
        Content:
          policy.content ?? expected.find((candidate) => candidate.name === policy.name)?.content,
      },
    });
  });
}

const fullAccessEverywhere = {
  name: "FullAWSAccess",
  awsManaged: true,
  targets: [ROOT, ...ALL_OUS],
};

test("an attachment config doesn't make, and one config makes that is missing, are flagged", async () => {
  await organizationWith([
    fullAccessEverywhere,
    { name: "nwh-deny-all", targets: ["ou-workloadsdevelopment"] },
    { name: "nwh-region-deny", targets: ["ou-workloads"] },
    { name: "nwh-deny-iam-users", targets: [ROOT] },
  ]);
  const { flags, results, missing } = await collect(ORGANIZATION_POLICIES, await exampleRun());
  expect(missing).toEqual([]);
  const issues = flags.map((flag) => flag.issue);
  expect(issues).toContain(
    "nwh-deny-all is attached to Workloads/Development (organizational unit), which config doesn't do",
  );
  expect(issues).toContain("nwh-region-deny is not attached to Infrastructure; config attaches it");
  expect(issues).toContain(
    "config attaches nwh-deny-all to Suspended, which is not in the organization",
  );
  expect(issues).toContain("nwh-organization-integrity does not exist; config attaches it");
  // What matches config is not flagged.
  expect(issues.filter((issue) => issue.includes("nwh-deny-iam-users"))).toEqual([]);
  const development = (
    results as { targets: { target: string; attached: unknown[] }[] }
  ).targets.find((target) => target.target === "Workloads/Development");
  expect(development?.attached).toEqual([
    { name: "FullAWSAccess", type: "SERVICE_CONTROL_POLICY", awsManaged: true, expected: true },
    { name: "nwh-deny-all", type: "SERVICE_CONTROL_POLICY", awsManaged: false, expected: false },
  ]);
});

test("a landing-zone policy whose document was changed outside the pipeline is flagged", async () => {
  await organizationWith([
    fullAccessEverywhere,
    {
      name: "nwh-deny-iam-users",
      targets: [ROOT],
      content: '{"Version":"2012-10-17","Statement":[]}',
    },
  ]);
  const { flags, results } = await collect(ORGANIZATION_POLICIES, await exampleRun());
  expect(flags).toContainEqual({
    issue: "nwh-deny-iam-users's document differs from the one config synthesizes",
  });
  expect((results as { policies: unknown[] }).policies).toContainEqual(
    expect.objectContaining({ name: "nwh-deny-iam-users", document: "differs from config" }),
  );
});

test("AWS's allow-all policy is required at the root and never drift elsewhere", async () => {
  await organizationWith([{ name: "FullAWSAccess", awsManaged: true, targets: ALL_OUS }]);
  const { flags } = await collect(ORGANIZATION_POLICIES, await exampleRun());
  expect(flags).toContainEqual({
    issue: "FullAWSAccess is not attached to the root: the deny-list guardrails rely on it",
  });
  expect(flags.filter((flag) => flag.issue.startsWith("FullAWSAccess is attached"))).toEqual([]);
});

test("a failure to read the policies is recorded as missing, not as an empty inventory", async () => {
  organizations.reset();
  organizations.on(ListPoliciesCommand).rejects(
    Object.assign(new Error("You don't have permissions to access this resource."), {
      name: "AccessDeniedException",
    }),
  );
  const { results, missing } = await collect(ORGANIZATION_POLICIES, await exampleRun());
  expect(results).toBeNull();
  expect(missing).toEqual([
    {
      check: "organization-policies",
      account: "111122223333",
      accountName: "management",
      region: "us-east-1",
      reason: "AccessDeniedException: You don't have permissions to access this resource.",
    },
  ]);
});
