import { ConfigConfigurationAggregator } from "@cdktf/provider-aws/lib/config-configuration-aggregator";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { renderPolicy, trustPolicy } from "../iam/policy-document";
import { CONFIG_AGGREGATION_CONTROL } from "../security/security-service-control";

export interface OrganizationConfigAggregatorProps {
  readonly name: string;
  readonly partition: string;
  readonly homeRegion: string;
  readonly accountId: string;
  /** The delegated-administrator registrations for Config. */
  readonly delegations: readonly TerraformResource[];
}

/** An organization aggregator over all regions, in the delegated administrator account. */
export class OrganizationConfigAggregator extends Construct {
  constructor(scope: Construct, id: string, props: OrganizationConfigAggregatorProps) {
    super(scope, id);
    implementsControl(this, CONFIG_AGGREGATION_CONTROL);
    const role = new IamRole(this, "role", {
      name: `${props.name}-aggregator`,
      description: "Lets AWS Config read the organization's accounts for the aggregator",
      assumeRolePolicy: renderPolicy(
        trustPolicy({
          Sid: "ConfigOfThisAccountOnly",
          Effect: "Allow",
          Principal: { Service: "config.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
        }),
      ),
    });
    const access = new IamRolePolicyAttachment(this, "organization-read", {
      role: role.name,
      policyArn: `arn:${props.partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations`,
    });
    new ConfigConfigurationAggregator(this, "aggregator", {
      region: props.homeRegion,
      name: props.name,
      organizationAggregationSource: { allRegions: true, roleArn: role.arn },
      dependsOn: [access, ...props.delegations],
    });
  }
}
