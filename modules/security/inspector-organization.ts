import { Inspector2DelegatedAdminAccount } from "@cdktf/provider-aws/lib/inspector2-delegated-admin-account";
import { Inspector2Enabler } from "@cdktf/provider-aws/lib/inspector2-enabler";
import { Inspector2OrganizationConfiguration } from "@cdktf/provider-aws/lib/inspector2-organization-configuration";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { VULNERABILITY_SCANNING_CONTROL } from "./security-service-control";

export interface InspectorOrganizationProps {
  readonly regions: readonly string[];
  readonly adminAccountId: string;
  readonly management: TerraformProvider;
}

/** What Inspector scans, in the audit account and in every member. */
export const INSPECTOR_SCANNED_RESOURCES = ["EC2", "ECR", "LAMBDA"];

/**
 * Inspector in every governed region, administered by the audit account, and auto-enabled for
 * accounts that join later (the security-members stack enrolls those that exist).
 */
export class InspectorOrganization extends Construct {
  constructor(scope: Construct, id: string, props: InspectorOrganizationProps) {
    super(scope, id);
    implementsControl(this, VULNERABILITY_SCANNING_CONTROL);
    for (const region of props.regions) {
      const delegation = new Inspector2DelegatedAdminAccount(this, `delegation-${region}`, {
        provider: props.management,
        region,
        accountId: props.adminAccountId,
      });
      const enabler = new Inspector2Enabler(this, `audit-account-${region}`, {
        region,
        accountIds: [props.adminAccountId],
        resourceTypes: INSPECTOR_SCANNED_RESOURCES,
        dependsOn: [delegation],
      });
      new Inspector2OrganizationConfiguration(this, `organization-${region}`, {
        region,
        autoEnable: { ec2: true, ecr: true, lambda: true },
        dependsOn: [enabler],
      });
    }
  }
}
