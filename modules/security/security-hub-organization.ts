import { SecurityhubAccount } from "@cdktf/provider-aws/lib/securityhub-account";
import { SecurityhubConfigurationPolicy } from "@cdktf/provider-aws/lib/securityhub-configuration-policy";
import { SecurityhubConfigurationPolicyAssociation } from "@cdktf/provider-aws/lib/securityhub-configuration-policy-association";
import { SecurityhubFindingAggregator } from "@cdktf/provider-aws/lib/securityhub-finding-aggregator";
import { SecurityhubOrganizationAdminAccount } from "@cdktf/provider-aws/lib/securityhub-organization-admin-account";
import { SecurityhubOrganizationConfiguration } from "@cdktf/provider-aws/lib/securityhub-organization-configuration";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { Control } from "../../compliance/controls/control";
import { POSTURE_MANAGEMENT_CONTROL } from "./security-service-control";

/** A control switched off for the whole organization, and why. */
export interface DisabledSecurityControl {
  /** Security control id, such as IAM.6. */
  readonly control: string;
  readonly justification: string;
  /** YYYY-MM-DD after which config refuses the tuning until it is renewed. */
  readonly expires: string;
}

export interface SecurityHubOrganizationProps {
  readonly partition: string;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  readonly adminAccountId: string;
  /** The organization root: the central configuration policy applies to everything beneath it. */
  readonly rootId: string;
  readonly management: TerraformProvider;
  /**
   * Controls the policy disables. Central configuration aligns a control across standards, so
   * each is off in every enabled standard, account and governed region.
   * @default none: every control of the standards runs
   */
  readonly disabledControls?: readonly DisabledSecurityControl[];
}

/** The standards every account is checked against. */
export function securityHubStandards(partition: string, region: string): string[] {
  return [
    `arn:${partition}:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    `arn:${partition}:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
  ];
}

/** What the control matrix says of the tuning: each disabled control, why, and until when. */
function securityHubTuningControl(disabled: readonly DisabledSecurityControl[]): Control {
  const listed = disabled.map(
    (tuning) =>
      `${tuning.control} until ${tuning.expires} (${tuning.justification.replace(/\.$/, "")})`,
  );
  return defineControl({
    id: "security-hub-tuning",
    description: `Security Hub controls are disabled only with a justification and an expiry, reviewed in config, for the whole organization through the central configuration policy: ${listed.join("; ")}`,
    criteria: ["CC7.2"],
  });
}

/**
 * Security Hub with central configuration from the audit account: one policy enabling AWS FSBP
 * and CIS v3.0 for the whole organization, findings from every governed region aggregated home.
 */
export class SecurityHubOrganization extends Construct {
  constructor(scope: Construct, id: string, props: SecurityHubOrganizationProps) {
    super(scope, id);
    implementsControl(this, POSTURE_MANAGEMENT_CONTROL);
    const disabled = props.disabledControls ?? [];
    if (disabled.length > 0) implementsControl(this, securityHubTuningControl(disabled));
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
        securityControlsConfiguration: {
          disabledControlIdentifiers: disabled.map((tuning) => tuning.control),
        },
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
