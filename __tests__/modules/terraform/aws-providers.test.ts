import { Testing } from "cdktf";
import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import type { OrganizationConfig } from "../../../config/schema/organization-schema";
import { memberAccountProvider } from "../../../modules/terraform/aws-providers";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";

const example = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR).organization.config;
const withMemberRole = (memberRole: "access" | "deploy"): OrganizationConfig => ({
  ...example,
  pipeline: { ...example.pipeline, memberRole },
});

function synthesizedProvider(organization: OrganizationConfig) {
  const json = JSON.parse(
    Testing.synthScope((scope) =>
      memberAccountProvider(scope, organization, {
        accountId: "444455556666",
        accountName: "prod-data",
      }),
    ),
  );
  return json;
}

test("memberRole access: the stack's variable, the access role by default", () => {
  const json = synthesizedProvider(withMemberRole("access"));
  expect(json.provider.aws).toEqual([
    expect.objectContaining({
      allowed_account_ids: ["444455556666"],
      assume_role: [
        {
          role_arn: "arn:aws:iam::444455556666:role/${var.member_role_name}",
          session_name: "landing-zone",
        },
      ],
    }),
  ]);
  expect(json.variable.member_role_name.default).toBe("OrganizationAccountAccessRole");
  expect(json.data).toBeUndefined();
});

test("memberRole deploy: the deploy role once it exists, the access role before (a new account's first apply)", () => {
  const json = synthesizedProvider(withMemberRole("deploy"));
  const [probe, member] = json.provider.aws;
  // The probe reads the account's roles through the access role (or the plan's read role).
  expect(probe).toEqual({
    alias: "deploy-role-probe-prod-data",
    region: "us-east-1",
    allowed_account_ids: ["444455556666"],
    assume_role: [
      {
        role_arn:
          'arn:aws:iam::444455556666:role/${coalesce(var.member_role_name, "OrganizationAccountAccessRole")}',
        session_name: "landing-zone",
      },
    ],
  });
  expect(json.data.aws_iam_roles["deploy-role-in-prod-data"]).toMatchObject({
    provider: "aws.deploy-role-probe-prod-data",
    name_regex: "^nwh-lz-deploy$",
  });
  expect(member.alias).toBeUndefined();
  expect(member.allowed_account_ids).toEqual(["444455556666"]);
  expect(member.assume_role[0].role_arn).toBe(
    'arn:aws:iam::444455556666:role/${coalesce(var.member_role_name, contains(tolist(data.aws_iam_roles.deploy-role-in-prod-data.names), "nwh-lz-deploy") ? "nwh-lz-deploy" : "OrganizationAccountAccessRole")}',
  );
  // Empty, so coalesce falls through to the probe's answer; plans set the read role.
  expect(json.variable.member_role_name.default).toBe("");
});
