import { SecurityhubAccount } from "@cdktf/provider-aws/lib/securityhub-account";
import { SecurityhubConfigurationPolicy } from "@cdktf/provider-aws/lib/securityhub-configuration-policy";
import { SecurityhubConfigurationPolicyAssociation } from "@cdktf/provider-aws/lib/securityhub-configuration-policy-association";
import { SecurityhubFindingAggregator } from "@cdktf/provider-aws/lib/securityhub-finding-aggregator";
import { SecurityhubOrganizationAdminAccount } from "@cdktf/provider-aws/lib/securityhub-organization-admin-account";
import { SecurityhubOrganizationConfiguration } from "@cdktf/provider-aws/lib/securityhub-organization-configuration";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { POSTURE_MANAGEMENT_CONTROL } from "./security-service-control";

export interface SecurityHubOrganizationProps {
  readonly partition: string;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  readonly adminAccountId: string;
  /** The organization root: the central configuration policy applies to everything beneath it. */
  readonly rootId: string;
  readonly management: TerraformProvider;
}

/** The standards every account is checked against. */
export function securityHubStandards(partition: string, region: string): string[] {
  return [
    `arn:${partition}:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    `arn:${partition}:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
  ];
}

/**
 * Security Hub with central configuration from the audit account: one policy enabling AWS FSBP
 * and CIS v3.0 for the whole organization, findings from every governed region aggregated home.
 */
export class SecurityHubOrganization extends Construct {
  constructor(scope: Construct, id: string, props: SecurityHubOrganizationProps) {
    super(scope, id);
    implementsControl(this, POSTURE_MANAGEMENT_CONTROL);
    const region = props.homeRegion;
    const delegation = new SecurityhubOrganizationAdminAccount(this, "delegation", {
      provider: props.management,
      region,
      adminAccountId: props.adminAccountId,
    });
    const hub = new SecurityhubAccount(this, "hub", {
      region,
      enableDefaultStandards: false,
      autoEnableControls: true,
      dependsOn: [delegation],
    });
    const others = props.regions.filter((other) => other !== region);
    const aggregator = new SecurityhubFindingAggregator(this, "finding-aggregator", {
      region,
      linkingMode: others.length > 0 ? "SPECIFIED_REGIONS" : "NO_REGIONS",
      specifiedRegions: others.length > 0 ? others : undefined,
      dependsOn: [hub],
    });
    const central = new SecurityhubOrganizationConfiguration(this, "central-configuration", {
      region,
      autoEnable: false,
      autoEnableStandards: "NONE",
      organizationConfiguration: { configurationType: "CENTRAL" },
      dependsOn: [aggregator],
    });
    const policy = new SecurityhubConfigurationPolicy(this, "policy", {
      region,
      name: "landing-zone-baseline",
      description:
        "AWS Foundational Security Best Practices and CIS AWS Foundations v3.0 everywhere",
      configurationPolicy: {
        serviceEnabled: true,
        enabledStandardArns: securityHubStandards(props.partition, region),
        securityControlsConfiguration: { disabledControlIdentifiers: [] },
      },
      dependsOn: [central],
    });
    new SecurityhubConfigurationPolicyAssociation(this, "root-association", {
      region,
      policyId: policy.id,
      targetId: props.rootId,
    });
  }
}
