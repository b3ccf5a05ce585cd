import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import type { OrganizationConfig } from "../../environments/schema/organization-schema";
import { partitionOf } from "../../environments/schema/primitives";

export const MANAGED_BY_TAG = { ManagedBy: "landing-zone" } as const;

function defaultTags(organization: OrganizationConfig): Record<string, string> {
  return {
    Owner: organization.defaultTags.owner,
    CostCenter: organization.defaultTags.costCenter,
    DataClassification: organization.defaultTags.dataClassification,
    ...MANAGED_BY_TAG,
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
  return new AwsProvider(scope, alias ?? "aws", {
    alias,
    region,
    allowedAccountIds: [organization.managementAccountId],
    defaultTags: [{ tags: defaultTags(organization) }],
  });
}

export const MEMBER_ROLE_VARIABLE = "member_role_name";

/**
 * The role Terraform assumes in member accounts, as a variable of the stack: the bootstrap
 * access role or the pipeline's deploy role by default (config), and the read-only role when
 * a pull request plans (TF_VAR_member_role_name), so plans never hold write access.
 */
function memberRoleName(scope: Construct, organization: OrganizationConfig): string {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(MEMBER_ROLE_VARIABLE) as TerraformVariable | undefined;
  const variable =
    existing ??
    new TerraformVariable(stack, MEMBER_ROLE_VARIABLE, {
      type: "string",
      description: "Role assumed in member accounts",
      default:
        organization.pipeline.memberRole === "deploy"
          ? organization.pipeline.deployRoleName
          : organization.accessRoleName,
    });
  return variable.stringValue;
}

/**
 * The provider for a member account, reached by assuming the configured access role in it.
 * With an alias it is a second provider of the stack, for resources that live elsewhere.
 */
export function memberAccountProvider(
  scope: Construct,
  organization: OrganizationConfig,
  accountId: string,
  alias?: string,
): AwsProvider {
  return new AwsProvider(scope, alias ?? "aws", {
    alias,
    region: organization.homeRegion,
    allowedAccountIds: [accountId],
    assumeRole: [
      {
        roleArn: `arn:${partitionOf(organization.homeRegion)}:iam::${accountId}:role/${memberRoleName(scope, organization)}`,
        sessionName: "landing-zone",
      },
    ],
    defaultTags: [{ tags: defaultTags(organization) }],
  });
}
