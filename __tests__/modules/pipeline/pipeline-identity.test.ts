import { findControls } from "../../../compliance/controls/control";
import {
  APPLY_ADMINISTRATOR_ID,
  PipelineIdentity,
} from "../../../modules/pipeline/pipeline-identity";
import type { PipelineIdentityProps } from "../../../modules/pipeline/pipeline-identity";
import { SHARED_DEPLOY_ENVIRONMENT } from "../../../contracts/github-environments";
import {
  parsedPolicy,
  resourcesOf,
  statementWithSid,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const props: PipelineIdentityProps = {
  repository: "acme/landing-zone",
  planRoleName: "lz-plan",
  applyRoleName: "lz-apply",
  readRoleName: "lz-read",
  partition: "aws",
  environments: ["dev", "prod"],
  stateBucket: "acme-terraform-state",
  stateKeyAlias: "acme/terraform-state",
};

function synthIdentity(overrides: Partial<PipelineIdentityProps> = {}) {
  let made!: PipelineIdentity;
  const json = synthConstruct((scope) => {
    made = new PipelineIdentity(scope, "identity", { ...props, ...overrides });
  });
  return { json, made };
}

const roleNamed = (json: StackJson, name: string) =>
  Object.values(resourcesOf(json, "aws_iam_role")).find((role) => role.name === name)!;
const trustOf = (json: StackJson, name: string) => {
  const statements = parsedPolicy(roleNamed(json, name).assume_role_policy).Statement;
  expect(statements).toHaveLength(1);
  return statements[0];
};
const subjectsOf = (json: StackJson, name: string): string[] =>
  trustOf(json, name).Condition.StringLike["token.actions.githubusercontent.com:sub"];
const attachmentsOf = (json: StackJson) =>
  Object.entries(resourcesOf(json, "aws_iam_role_policy_attachment")).map(([id, attachment]) => ({
    id,
    role: attachment.role,
    policy: attachment.policy_arn,
  }));
const PROVIDER_ARN = /^\$\{aws_iam_openid_connect_provider\.identity_github_\w+\.arn\}$/;

describe("the pipeline's identity", () => {
  let json: StackJson;
  let made: PipelineIdentity;
  beforeAll(() => {
    ({ json, made } = synthIdentity());
  });

  test("GitHub's OIDC provider issues tokens for STS; there are no users or keys", () => {
    expect(Object.values(resourcesOf(json, "aws_iam_openid_connect_provider"))).toEqual([
      { url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] },
    ]);
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_iam_openid_connect_provider",
      "aws_iam_role",
      "aws_iam_role_policy",
      "aws_iam_role_policy_attachment",
    ]);
  });

  test("the plan role is for this repository's pull requests and main, for an hour", () => {
    expect(roleNamed(json, "lz-plan").max_session_duration).toBe(3600);
    const trust = trustOf(json, "lz-plan");
    expect(trust.Principal.Federated).toMatch(PROVIDER_ARN);
    expect(trust.Condition.StringEquals).toEqual({
      "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    });
    expect(subjectsOf(json, "lz-plan")).toEqual([
      "repo:acme/landing-zone:pull_request",
      "repo:acme/landing-zone:ref:refs/heads/main",
    ]);
  });

  test("the plan role reads everything, writes only lock files, and reaches member accounts only through their read role", () => {
    const inline = Object.values(resourcesOf(json, "aws_iam_role_policy"));
    expect(inline).toHaveLength(1);
    expect(inline[0].role).toMatch(/^\$\{aws_iam_role\.identity_plan-role_\w+\.id\}$/);
    const statements = parsedPolicy(inline[0].policy).Statement;
    expect(statements.map((statement) => statement.Sid)).toEqual([
      "TakeAndReleasePlanLocks",
      "EncryptLockFiles",
      "ReadMemberAccounts",
    ]);
    expect(statementWithSid(statements, "TakeAndReleasePlanLocks")).toMatchObject({
      Action: ["s3:PutObject", "s3:DeleteObject"],
      Resource: "arn:aws:s3:::acme-terraform-state/*.tflock",
    });
    expect(statementWithSid(statements, "EncryptLockFiles")).toMatchObject({
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Condition: {
        "ForAnyValue:StringEquals": { "kms:ResourceAliases": "alias/acme/terraform-state" },
      },
    });
    expect(statementWithSid(statements, "ReadMemberAccounts")).toMatchObject({
      Action: "sts:AssumeRole",
      Resource: "arn:aws:iam::*:role/lz-read",
    });
    expect(
      attachmentsOf(json).filter((attachment) => attachment.role.includes("plan-role")),
    ).toEqual([expect.objectContaining({ policy: "arn:aws:iam::aws:policy/ReadOnlyAccess" })]);
  });

  test("the apply role is for the GitHub environments alone, never a bare branch, for two hours", () => {
    expect(roleNamed(json, "lz-apply").max_session_duration).toBe(7200);
    expect(trustOf(json, "lz-apply").Principal.Federated).toMatch(PROVIDER_ARN);
    expect(subjectsOf(json, "lz-apply")).toEqual([
      "repo:acme/landing-zone:environment:dev",
      "repo:acme/landing-zone:environment:prod",
      `repo:acme/landing-zone:environment:${SHARED_DEPLOY_ENVIRONMENT}`,
    ]);
  });

  test("no subject is a pattern: another repository, fork or branch matches none", () => {
    for (const role of ["lz-plan", "lz-apply"])
      for (const subject of subjectsOf(json, role)) expect(subject).not.toMatch(/[*?]/);
  });

  test("the apply role administers, through the grant a built-in exception names", () => {
    expect(
      attachmentsOf(json).filter((attachment) => attachment.role.includes("apply-role")),
    ).toEqual([
      {
        id: expect.stringMatching(new RegExp(`^identity_${APPLY_ADMINISTRATOR_ID}_`)),
        role: expect.stringMatching(/^\$\{aws_iam_role\.identity_apply-role_\w+\.name\}$/),
        policy: "arn:aws:iam::aws:policy/AdministratorAccess",
      },
    ]);
  });

  test("the roles are exposed for other constructs", () => {
    expect(made.planRole.friendlyUniqueId).toMatch(/^identity_plan-role_/);
    expect(made.applyRole.friendlyUniqueId).toMatch(/^identity_apply-role_/);
    expect(findControls(made).map((placement) => placement.control.id)).toEqual([
      "change-pipeline-identity",
    ]);
  });
});

test("with no environments, applies run only in the shared deploy environment", () => {
  expect(subjectsOf(synthIdentity({ environments: [] }).json, "lz-apply")).toEqual([
    `repo:acme/landing-zone:environment:${SHARED_DEPLOY_ENVIRONMENT}`,
  ]);
});

test("ARNs are in the given partition", () => {
  const { json } = synthIdentity({ partition: "aws-us-gov" });
  expect(
    attachmentsOf(json)
      .map((attachment) => attachment.policy)
      .sort(),
  ).toEqual([
    "arn:aws-us-gov:iam::aws:policy/AdministratorAccess",
    "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess",
  ]);
  const statements = parsedPolicy(
    Object.values(resourcesOf(json, "aws_iam_role_policy"))[0].policy,
  ).Statement;
  expect(statementWithSid(statements, "ReadMemberAccounts").Resource).toBe(
    "arn:aws-us-gov:iam::*:role/lz-read",
  );
  expect(statementWithSid(statements, "TakeAndReleasePlanLocks").Resource).toBe(
    "arn:aws-us-gov:s3:::acme-terraform-state/*.tflock",
  );
});
