import { exampleSynth } from "../helpers/example-synth";
import type { SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
beforeAll(() => {
  out = exampleSynth();
});

const roles = () => Object.values(out.resources("pipeline", "aws_iam_role"));
const trustOf = (name: string) =>
  JSON.parse(roles().find((role) => role.name === name)!.assume_role_policy).Statement[0];

test("GitHub Actions reach AWS through OIDC, with no stored keys", () => {
  const [provider] = Object.values(out.resources("pipeline", "aws_iam_openid_connect_provider"));
  expect(provider).toMatchObject({
    url: "https://token.actions.githubusercontent.com",
    client_id_list: ["sts.amazonaws.com"],
  });
  expect(out.resources("pipeline", "aws_iam_access_key")).toEqual({});
  expect(out.resources("pipeline", "aws_iam_user")).toEqual({});
});

test("the plan role is trusted only for this repository's pull requests and main, and is read-only", () => {
  expect(trustOf("nwh-lz-plan")).toMatchObject({
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      StringLike: {
        "token.actions.githubusercontent.com:sub": [
          "repo:northwind-health/landing-zone:pull_request",
          "repo:northwind-health/landing-zone:ref:refs/heads/main",
        ],
      },
    },
  });
  const attachments = Object.values(
    out.resources("pipeline", "aws_iam_role_policy_attachment"),
  ).map((entry) => entry.policy_arn);
  expect(attachments).toContain("arn:aws:iam::aws:policy/ReadOnlyAccess");
  const inline = Object.values(out.resources("pipeline", "aws_iam_role_policy")).find(
    (policy) => policy.name === "state-locks-and-member-reads",
  )!;
  const statements = JSON.parse(inline.policy).Statement;
  expect(
    statements.find((statement: { Sid: string }) => statement.Sid === "TakeAndReleasePlanLocks")
      .Resource,
  ).toBe("arn:aws:s3:::nwh-terraform-state-111122223333/*.tflock");
  expect(
    statements.find((statement: { Sid: string }) => statement.Sid === "ReadMemberAccounts")
      .Resource,
  ).toBe("arn:aws:iam::*:role/nwh-lz-read");
});

test("the apply role is trusted only for the GitHub environments that gate applies", () => {
  // Not for a bare ref: any job on main without an environment would skip its reviewers.
  expect(
    trustOf("nwh-lz-pipeline").Condition.StringLike["token.actions.githubusercontent.com:sub"],
  ).toEqual([
    "repo:northwind-health/landing-zone:environment:dev",
    "repo:northwind-health/landing-zone:environment:prod",
    "repo:northwind-health/landing-zone:environment:staging",
    "repo:northwind-health/landing-zone:environment:landing-zone",
  ]);
});

test("the guardrails exempt the apply and deploy roles and protect all four pipeline roles", () => {
  const [integrity] = Object.values(
    out.resources("organization", "aws_organizations_policy"),
  ).filter((policy) => policy.name === "nwh-organization-integrity");
  const protect = JSON.parse(integrity.content).Statement.find(
    (statement: { Sid: string }) => statement.Sid === "ProtectLandingZoneRoles",
  );
  expect(protect.Condition.ArnNotLike["aws:PrincipalArn"]).toEqual([
    "arn:aws:iam::*:role/OrganizationAccountAccessRole",
    "arn:aws:iam::*:role/nwh-lz-pipeline",
    "arn:aws:iam::*:role/nwh-lz-deploy",
    "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*",
  ]);
  for (const role of ["nwh-lz-plan", "nwh-lz-read", "nwh-lz-deploy", "nwh-lz-pipeline"]) {
    expect(protect.Resource).toContain(`arn:aws:iam::*:role/${role}`);
  }
});

test("the evidence role is trusted only for the evidence environment, and writes only the evidence bucket", () => {
  expect(
    trustOf("nwh-lz-evidence").Condition.StringLike["token.actions.githubusercontent.com:sub"],
  ).toEqual(["repo:northwind-health/landing-zone:environment:evidence"]);
  const inline = Object.values(out.resources("pipeline", "aws_iam_role_policy")).find(
    (policy) => policy.name === "read-members-and-write-evidence",
  )!;
  expect(inline.role).toMatch(/aws_iam_role\.evidence-collector_role_/);
  const statements = JSON.parse(inline.policy).Statement;
  const resourceOf = (sid: string) =>
    statements.find((statement: { Sid: string }) => statement.Sid === sid).Resource;
  expect(resourceOf("ReadMemberAccounts")).toBe("arn:aws:iam::*:role/nwh-lz-read");
  expect(resourceOf("WriteEvidence")).toBe("arn:aws:s3:::nwh-evidence-111122223333/*");
});
