import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import { AccountAssignments, assignmentId } from "../../../modules/identity/account-assignments";
import type { AccountAssignmentsProps } from "../../../modules/identity/account-assignments";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const INSTANCE = "arn:aws:sso:::instance/ssoins-0123456789abcdef";
const developerInProd = {
  group: "Developers",
  permissionSet: "PowerUser",
  accountName: "prod-data",
  accountId: "555566667777",
};
const auditorInProd = {
  group: "Security Auditors",
  permissionSet: "SecurityAudit",
  accountName: "prod-data",
  accountId: "555566667777",
};

const baseProps: AccountAssignmentsProps = {
  instanceArn: INSTANCE,
  assignments: [developerInProd, auditorInProd],
  permissionSetArn: (name) => `${INSTANCE}/ps-${name.toLowerCase()}`,
  groupId: (name) => `group-${name.toLowerCase().replace(/ /g, "-")}`,
};

const assignmentsOf = (props: AccountAssignmentsProps) =>
  resourcesOf(
    synthConstruct((scope) => new AccountAssignments(scope, "grants", props)),
    "aws_ssoadmin_account_assignment",
  );

test("assignment ids join account, group and permission set, each as a construct id", () => {
  expect(assignmentId("Prod Data", "Security Auditors", "SecurityAudit")).toBe(
    "prod-data--security-auditors--securityaudit",
  );
});

test("each assignment grants its group its permission set in its account, and nothing else", () => {
  const assignments = Object.values(assignmentsOf(baseProps));
  expect(assignments).toEqual([
    {
      instance_arn: INSTANCE,
      permission_set_arn: `${INSTANCE}/ps-poweruser`,
      principal_id: "group-developers",
      principal_type: "GROUP",
      target_id: "555566667777",
      target_type: "AWS_ACCOUNT",
    },
    {
      instance_arn: INSTANCE,
      permission_set_arn: `${INSTANCE}/ps-securityaudit`,
      principal_id: "group-security-auditors",
      principal_type: "GROUP",
      target_id: "555566667777",
      target_type: "AWS_ACCOUNT",
    },
  ]);
});

test("addresses come from the assignment, not its position, so re-ordering config replaces nothing", () => {
  const inOrder = assignmentsOf(baseProps);
  const reversed = assignmentsOf({ ...baseProps, assignments: [auditorInProd, developerInProd] });
  expect(reversed).toEqual(inOrder);
  expect(Object.keys(inOrder)).toEqual([
    expect.stringMatching(/^grants_prod-data--developers--poweruser_/),
    expect.stringMatching(/^grants_prod-data--security-auditors--securityaudit_/),
  ]);
});

test("byId finds each assignment's resource by its assignment id", () => {
  let grants!: AccountAssignments;
  synthConstruct((scope) => {
    grants = new AccountAssignments(scope, "grants", baseProps);
  });
  expect([...grants.byId.keys()]).toEqual([
    "prod-data--developers--poweruser",
    "prod-data--security-auditors--securityaudit",
  ]);
  expect(grants.byId.get("prod-data--developers--poweruser")!.node.id).toBe(
    "prod-data--developers--poweruser",
  );
});

test("the assignments go through the administering account's provider when one is given", () => {
  const viaDefault = Object.values(assignmentsOf(baseProps));
  expect(viaDefault.every((assignment) => assignment.provider === undefined)).toBe(true);
  const json = synthConstruct((scope) => {
    const identityCenter = new AwsProvider(scope, "identity-center", {
      region: "us-east-1",
      alias: "identity-center",
    });
    new AccountAssignments(scope, "grants", { ...baseProps, provider: identityCenter });
  });
  const delegated = Object.values(resourcesOf(json, "aws_ssoadmin_account_assignment"));
  expect(delegated.map((assignment) => assignment.provider)).toEqual([
    "aws.identity-center",
    "aws.identity-center",
  ]);
});

test("no assignments, no resources; the access-assignment control is declared either way", () => {
  let grants!: AccountAssignments;
  const json = synthConstruct((scope) => {
    grants = new AccountAssignments(scope, "grants", { ...baseProps, assignments: [] });
  });
  expect(resourcesOf(json, "aws_ssoadmin_account_assignment")).toEqual({});
  expect(findControls(grants).map((placement) => placement.control.id)).toEqual([
    "identity-center-assignments",
  ]);
});
