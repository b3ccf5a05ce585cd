import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, TerraformStack, TerraformVariable, Token } from "cdktf";
import type { Construct } from "constructs";
import type { OrganizationConfig } from "../../config/schema/organization-schema";
import { partitionOf } from "../../config/schema/primitives";
import { MANAGED_BY_TAG } from "../../contracts/tags";
import { recordProviderAccount } from "./provider-account";

function defaultTags(organization: OrganizationConfig): Record<string, string> {
  return {
    Owner: organization.defaultTags.owner,
    CostCenter: organization.defaultTags.costCenter,
    DataClassification: organization.defaultTags.dataClassification,
    [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value,
  };
}

/**
 * The provider for the management account. `allowedAccountIds` makes Terraform stop before it
 * touches any other account, whatever credentials the operator happens to hold.
 */
export function managementAccountProvider(
  scope: Construct,
  organization: OrganizationConfig,
  region: string = organization.homeRegion,
  /** A second provider of a stack whose default provider is another account's. */
  alias?: string,
): AwsProvider {
  const provider = new AwsProvider(scope, alias ?? "aws", {
    alias,
    region,
    allowedAccountIds: [organization.managementAccountId],
    defaultTags: [{ tags: defaultTags(organization) }],
  });
  recordProviderAccount(provider, { kind: "management" });
  return provider;
}

const MEMBER_ROLE_VARIABLE = "member_role_name";

function memberRoleVariable(scope: Construct, organization: OrganizationConfig): TerraformVariable {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(MEMBER_ROLE_VARIABLE) as TerraformVariable | undefined;
  if (existing) return existing;
  const viaDeployRole = organization.pipeline.memberRole === "deploy";
  return new TerraformVariable(stack, MEMBER_ROLE_VARIABLE, {
    type: "string",
    description: viaDeployRole
      ? "Role assumed in member accounts; empty: the deploy role where it exists yet, else the access role"
      : "Role assumed in member accounts",
    default: viaDeployRole ? "" : organization.accessRoleName,
  });
}

const roleArn = (organization: OrganizationConfig, accountId: string, roleName: string) =>
  `arn:${partitionOf(organization.homeRegion)}:iam::${accountId}:role/${roleName}`;

/**
 * The role Terraform assumes in a member account: the stack's `member_role_name` variable when
 * set (pull-request plans set the read-only role, so plans never hold write access), else the
 * access role, or with `pipeline.memberRole: deploy` the pipeline's deploy role wherever it
 * exists yet. A new account has no deploy role until its baseline's first apply creates it, so
 * that apply (and, for core accounts, the logging and security stacks' first applies) go
 * through the access role; a read of the account's roles decides, through the same role.
 */
function memberRoleName(
  scope: Construct,
  organization: OrganizationConfig,
  account: MemberAccountTarget,
): string {
  const variable = memberRoleVariable(scope, organization);
  if (organization.pipeline.memberRole === "access") return variable.stringValue;
  const stack = TerraformStack.of(scope);
  const { deployRoleName } = organization.pipeline;
  // coalesce skips the variable while it is empty, its default.
  const accessOrOverride = Token.asString(
    Fn.coalesce([variable.stringValue, organization.accessRoleName]),
  );
  const probeId = `deploy-role-probe-${account.accountName}`;
  const probe =
    (stack.node.tryFindChild(probeId) as AwsProvider | undefined) ??
    new AwsProvider(stack, probeId, {
      alias: probeId,
      region: organization.homeRegion,
      allowedAccountIds: [account.accountId],
      assumeRole: [
        {
          roleArn: roleArn(organization, account.accountId, accessOrOverride),
          sessionName: "landing-zone",
        },
      ],
    });
  const rolesId = `deploy-role-in-${account.accountName}`;
  const roles =
    (stack.node.tryFindChild(rolesId) as DataAwsIamRoles | undefined) ??
    new DataAwsIamRoles(stack, rolesId, {
      provider: probe,
      nameRegex: `^${deployRoleName.replace(/[.+]/g, "\\$&")}$`,
    });
  return Token.asString(
    Fn.coalesce([
      variable.stringValue,
      Token.asString(
        Fn.conditional(
          Fn.contains(roles.names, deployRoleName),
          deployRoleName,
          organization.accessRoleName,
        ),
      ),
    ]),
  );
}

/** A member account, as a provider reaches it. */
export interface MemberAccountTarget {
  readonly accountId: string;
  /** Names the account in the ids of what decides the role to assume there. */
  readonly accountName: string;
}

/**
 * The provider for a member account, reached by assuming the member role in it. With an alias it
 * is a second provider of the stack, for resources that live elsewhere.
 */
export function memberAccountProvider(
  scope: Construct,
  organization: OrganizationConfig,
  account: MemberAccountTarget,
  alias?: string,
): AwsProvider {
  const provider = new AwsProvider(scope, alias ?? "aws", {
    alias,
    region: organization.homeRegion,
    allowedAccountIds: [account.accountId],
    assumeRole: [
      {
        roleArn: roleArn(
          organization,
          account.accountId,
          memberRoleName(scope, organization, account),
        ),
        sessionName: "landing-zone",
      },
    ],
    defaultTags: [{ tags: defaultTags(organization) }],
  });
  recordProviderAccount(provider, { kind: "member", name: account.accountName });
  return provider;
}
