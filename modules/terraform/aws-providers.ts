import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
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
        roleArn: `arn:${partitionOf(organization.homeRegion)}:iam::${accountId}:role/${organization.accessRoleName}`,
        sessionName: "landing-zone",
      },
    ],
    defaultTags: [{ tags: defaultTags(organization) }],
  });
}
