import { findControls } from "../../../compliance/controls/control";
import {
  DEPLOY_ADMINISTRATOR_ID,
  MemberPipelineRoles,
} from "../../../modules/pipeline/member-pipeline-roles";
import { decideUnder } from "../../helpers/simulate-policy";
import { parsedPolicy, resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const MANAGEMENT = "111122223333";
const MEMBER = "555566667777";
const OTHER = "999988887777";

let json: StackJson;
let made: MemberPipelineRoles;
beforeAll(() => {
  json = synthConstruct((scope) => {
    made = new MemberPipelineRoles(scope, "pipeline-roles", {
      deployRoleName: "lz-deploy",
      readRoleName: "lz-read",
      applyRoleName: "lz-apply",
      planRoleName: "lz-plan",
      evidenceRoleName: "lz-evidence",
      partition: "aws",
      managementAccountId: MANAGEMENT,
      breakGlassPermissionSet: "BreakGlassAdmin",
    });
  });
});

const roleNamed = (name: string) =>
  Object.values(resourcesOf(json, "aws_iam_role")).find((role) => role.name === name)!;
/** Whether `principal` may assume the member account's role `name`, as IAM decides it. */
const mayAssume = async (name: string, principal: string) =>
  (await decideUnder(parsedPolicy(roleNamed(name).assume_role_policy), {
    principal,
    action: "sts:AssumeRole",
    resource: `arn:aws:iam::${MEMBER}:role/${name}`,
    resourceAccount: MEMBER,
  })) === "Allowed";
const breakGlassSession = (account: string, set = "BreakGlassAdmin") =>
  `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_${set}_0a1b2c3d`;

describe("the deploy role", () => {
  test.each([
    ["the management account's apply role", `arn:aws:iam::${MANAGEMENT}:role/lz-apply`],
    ["a break-glass session in the management account", breakGlassSession(MANAGEMENT)],
  ])("%s may assume it", async (_, principal) => {
    expect(await mayAssume("lz-deploy", principal)).toBe(true);
  });

  test.each([
    ["the plan role", `arn:aws:iam::${MANAGEMENT}:role/lz-plan`],
    ["any other role of the management account", `arn:aws:iam::${MANAGEMENT}:role/Admin`],
    ["a session of another permission set", breakGlassSession(MANAGEMENT, "PlatformAdmin")],
    ["a break-glass session in the member account itself", breakGlassSession(MEMBER)],
    ["a break-glass session in another account", breakGlassSession(OTHER)],
    ["a role named like the apply role in another account", `arn:aws:iam::${OTHER}:role/lz-apply`],
  ])("%s may not", async (_, principal) => {
    expect(await mayAssume("lz-deploy", principal)).toBe(false);
  });

  test("administers the account for two-hour sessions, through the grant a built-in exception names", () => {
    expect(roleNamed("lz-deploy").max_session_duration).toBe(7200);
    const [id, attachment] = Object.entries(
      resourcesOf(json, "aws_iam_role_policy_attachment"),
    ).find(([, candidate]) => candidate.role.includes("deploy-role"))!;
    expect(id).toMatch(new RegExp(`^pipeline-roles_${DEPLOY_ADMINISTRATOR_ID}_`));
    expect(attachment.policy_arn).toBe("arn:aws:iam::aws:policy/AdministratorAccess");
  });
});

describe("the read role", () => {
  test("only the management account's plan and evidence roles may assume it", async () => {
    expect(await mayAssume("lz-read", `arn:aws:iam::${MANAGEMENT}:role/lz-plan`)).toBe(true);
    expect(await mayAssume("lz-read", `arn:aws:iam::${MANAGEMENT}:role/lz-evidence`)).toBe(true);
    expect(await mayAssume("lz-read", `arn:aws:iam::${MANAGEMENT}:role/lz-apply`)).toBe(false);
    expect(await mayAssume("lz-read", breakGlassSession(MANAGEMENT))).toBe(false);
    expect(await mayAssume("lz-read", `arn:aws:iam::${OTHER}:role/lz-plan`)).toBe(false);
    expect(await mayAssume("lz-read", `arn:aws:iam::${OTHER}:role/lz-evidence`)).toBe(false);
  });

  test("reads, for one-hour sessions, and nothing more", () => {
    expect(roleNamed("lz-read").max_session_duration).toBe(3600);
    const grants = Object.values(resourcesOf(json, "aws_iam_role_policy_attachment")).filter(
      (attachment) => attachment.role.includes("read-role"),
    );
    expect(grants.map((grant) => grant.policy_arn)).toEqual([
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
    expect(resourcesOf(json, "aws_iam_role_policy")).toEqual({});
  });
});

test("declares the pipeline-identity control", () => {
  expect(findControls(made).map((placement) => placement.control.id)).toEqual([
    "change-pipeline-identity",
  ]);
});
