import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyOrganizationAdminAccount } from "@cdktf/provider-aws/lib/guardduty-organization-admin-account";
import { GuarddutyOrganizationConfiguration } from "@cdktf/provider-aws/lib/guardduty-organization-configuration";
import { GuarddutyOrganizationConfigurationFeature } from "@cdktf/provider-aws/lib/guardduty-organization-configuration-feature";
import { GuarddutyPublishingDestination } from "@cdktf/provider-aws/lib/guardduty-publishing-destination";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { THREAT_DETECTION_CONTROL } from "./security-service-control";

/** GuardDuty protection plans, each on or off for every account. */
export interface GuardDutyProtections {
  readonly s3Protection: boolean;
  readonly eksProtection: boolean;
  readonly malwareProtection: boolean;
  readonly rdsProtection: boolean;
  readonly lambdaProtection: boolean;
  readonly runtimeMonitoring: boolean;
}

export interface GuardDutyOrganizationProps {
  readonly regions: readonly string[];
  readonly adminAccountId: string;
  readonly protections: GuardDutyProtections;
  /** ARN of the log archive bucket and the key findings are exported with. */
  readonly findingsBucketArn: string;
  readonly findingsKeyArn: string;
  readonly management: TerraformProvider;
}

/** GuardDuty protection plans, as the organization-configuration feature names them. */
export function guardDutyFeatures(protections: GuardDutyProtections): string[] {
  return [
    ...(protections.s3Protection ? ["S3_DATA_EVENTS"] : []),
    ...(protections.eksProtection ? ["EKS_AUDIT_LOGS"] : []),
    ...(protections.malwareProtection ? ["EBS_MALWARE_PROTECTION"] : []),
    ...(protections.rdsProtection ? ["RDS_LOGIN_EVENTS"] : []),
    ...(protections.lambdaProtection ? ["LAMBDA_NETWORK_LOGS"] : []),
    ...(protections.runtimeMonitoring ? ["RUNTIME_MONITORING"] : []),
  ];
}

/**
 * GuardDuty in every governed region, administered by the audit account, enabled for every
 * existing and new account, with findings exported to the log archive.
 */
export class GuardDutyOrganization extends Construct {
  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    implementsControl(this, THREAT_DETECTION_CONTROL);
    for (const region of props.regions) {
      const delegation = new GuarddutyOrganizationAdminAccount(this, `delegation-${region}`, {
        provider: props.management,
        region,
        adminAccountId: props.adminAccountId,
      });
      const detector = new GuarddutyDetector(this, `detector-${region}`, {
        region,
        enable: true,
        findingPublishingFrequency: "FIFTEEN_MINUTES",
        dependsOn: [delegation],
      });
      new GuarddutyOrganizationConfiguration(this, `organization-${region}`, {
        region,
        detectorId: detector.id,
        autoEnableOrganizationMembers: "ALL",
      });
      for (const feature of guardDutyFeatures(props.protections)) {
        new GuarddutyOrganizationConfigurationFeature(
          this,
          `feature-${feature.toLowerCase()}-${region}`,
          {
            region,
            detectorId: detector.id,
            name: feature,
            autoEnable: "ALL",
          },
        );
      }
      new GuarddutyPublishingDestination(this, `findings-export-${region}`, {
        region,
        detectorId: detector.id,
        destinationType: "S3",
        destinationArn: props.findingsBucketArn,
        kmsKeyArn: props.findingsKeyArn,
      });
    }
  }
}
