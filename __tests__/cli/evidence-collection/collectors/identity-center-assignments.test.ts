import {
  DescribeUserCommand,
  IdentitystoreClient,
  ListGroupsCommand,
} from "@aws-sdk/client-identitystore";
import {
  DescribePermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
} from "@aws-sdk/client-sso-admin";
import { mockClient } from "aws-sdk-client-mock";
import { IDENTITY_CENTER_ASSIGNMENTS } from "../../../../cli/evidence-collection/collectors/identity-center-assignments";
import { parseCsv } from "../../../../cli/evidence-collection/csv";
import { collect, exampleRun, IDS } from "../evidence-run-fixture";

const admin = mockClient(SSOAdminClient);
const store = mockClient(IdentitystoreClient);
afterAll(() => {
  admin.restore();
  store.restore();
});

const INSTANCE = "arn:aws:sso:::instance/ssoins-0000000000000000";
const PLATFORM_ADMIN = `${INSTANCE}/ps-platformadmin`;
const SECURITY_AUDIT = `${INSTANCE}/ps-securityaudit`;

beforeEach(() => {
  admin.reset();
  store.reset();
  admin
    .on(ListInstancesCommand)
    .resolves({ Instances: [{ InstanceArn: INSTANCE, IdentityStoreId: "d-0000000000" }] });
  admin
    .on(ListPermissionSetsCommand)
    .resolves({ PermissionSets: [PLATFORM_ADMIN, SECURITY_AUDIT] });
  admin
    .on(DescribePermissionSetCommand, { PermissionSetArn: PLATFORM_ADMIN })
    .resolves({ PermissionSet: { Name: "PlatformAdmin" } })
    .on(DescribePermissionSetCommand, { PermissionSetArn: SECURITY_AUDIT })
    .resolves({ PermissionSet: { Name: "SecurityAudit" } });
  admin.on(ListAccountAssignmentsCommand).resolves({ AccountAssignments: [] });
  admin
    .on(ListAccountAssignmentsCommand, {
      AccountId: IDS["dev-data"],
      PermissionSetArn: PLATFORM_ADMIN,
    })
    .resolves({
      AccountAssignments: [
        { PrincipalType: "GROUP", PrincipalId: "g-platform" },
        { PrincipalType: "GROUP", PrincipalId: "g-finance" },
      ],
    })
    .on(ListAccountAssignmentsCommand, { AccountId: IDS.audit, PermissionSetArn: PLATFORM_ADMIN })
    .resolves({ AccountAssignments: [{ PrincipalType: "USER", PrincipalId: "u-mallory" }] });
  store.on(ListGroupsCommand).resolves({
    Groups: [
      { GroupId: "g-platform", DisplayName: "platform-admins", IdentityStoreId: "d-0000000000" },
      { GroupId: "g-finance", DisplayName: "finance", IdentityStoreId: "d-0000000000" },
    ],
  });
  store
    .on(DescribeUserCommand, { UserId: "u-mallory" })
    .resolves({ UserName: "mallory", UserId: "u-mallory", IdentityStoreId: "d-0000000000" });
});

test("an assignment identity.yaml doesn't make, one to a user, and one AWS lacks are each flagged", async () => {
  const { flags, results, summary } = await collect(
    IDENTITY_CENTER_ASSIGNMENTS,
    await exampleRun(),
  );
  const rows = (results as { assignments: Record<string, unknown>[] }).assignments;
  expect(rows).toContainEqual(
    expect.objectContaining({
      principal: "platform-admins",
      permissionSet: "PlatformAdmin",
      account: "dev-data",
      status: "matches identity.yaml",
    }),
  );
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    issue: "group finance / PlatformAdmin: not in identity.yaml",
  });
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    issue: "user mallory / PlatformAdmin: user assignment: identity.yaml grants groups only",
  });
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    issue: "group security-auditors / SecurityAudit: in identity.yaml, missing in AWS",
  });
  // Accounts identity.yaml covers that the organization doesn't have yet say so.
  expect(rows).toContainEqual(
    expect.objectContaining({ account: "prod-analytics", accountId: "not in the organization" }),
  );
  expect(summary).toMatchObject({
    assignmentsInAws: 3,
    matching: 1,
    notInIdentityYaml: 1,
    userAssignments: 1,
  });
});

test("writes the access review sheet from what exists, privileged grants first", async () => {
  const { extraFiles } = await collect(IDENTITY_CENTER_ASSIGNMENTS, await exampleRun());
  expect(extraFiles?.map((file) => file.name)).toEqual(["identity-center-access-review.csv"]);
  const rows = parseCsv(extraFiles![0].content);
  expect(rows[0]).toMatchObject({ privileged: "yes" });
  expect(rows).toContainEqual({
    principal_type: "GROUP",
    principal: "finance",
    permission_set: "PlatformAdmin",
    account: "dev-data",
    account_id: IDS["dev-data"],
    privileged: "yes",
    status: "not in identity.yaml",
    "decision (keep/remove)": "",
    reviewer: "",
    review_date: "",
  });
});

test("no Identity Center instance is a flag when identity.yaml assigns access", async () => {
  admin.on(ListInstancesCommand).resolves({ Instances: [] });
  const { flags, missing } = await collect(IDENTITY_CENTER_ASSIGNMENTS, await exampleRun());
  expect(missing).toEqual([]);
  expect(flags).toEqual([
    { issue: "no IAM Identity Center instance, but identity.yaml assigns access" },
  ]);
});
