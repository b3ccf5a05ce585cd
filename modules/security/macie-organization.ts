import { Macie2Account } from "@cdktf/provider-aws/lib/macie2-account";
import { Macie2OrganizationAdminAccount } from "@cdktf/provider-aws/lib/macie2-organization-admin-account";
import { Macie2OrganizationConfiguration } from "@cdktf/provider-aws/lib/macie2-organization-configuration";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { DATA_DISCOVERY_CONTROL } from "./security-service-control";

export interface MacieOrganizationProps {
  readonly regions: readonly string[];
  readonly adminAccountId: string;
  readonly management: TerraformProvider;
}

/**
 * Macie in every governed region, administered by the audit account, and auto-enabled for
 * accounts that join later (the security-members stack enrolls those that exist).
 */
export class MacieOrganization extends Construct {
  constructor(scope: Construct, id: string, props: MacieOrganizationProps) {
    super(scope, id);
    implementsControl(this, DATA_DISCOVERY_CONTROL);
    for (const region of props.regions) {
      const account = new Macie2Account(this, `account-${region}`, { region, status: "ENABLED" });
      const delegation = new Macie2OrganizationAdminAccount(this, `delegation-${region}`, {
        provider: props.management,
        region,
        adminAccountId: props.adminAccountId,
      });
      new Macie2OrganizationConfiguration(this, `organization-${region}`, {
        region,
        autoEnable: true,
        dependsOn: [account, delegation],
      });
    }
  }
}
