import { IamOrganizationsFeatures } from "@cdktf/provider-aws/lib/iam-organizations-features";
import type { OrganizationsOrganization } from "@cdktf/provider-aws/lib/organizations-organization";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

const CENTRALIZED_ROOT_ACCESS_CONTROL = defineControl({
  id: "centralized-root-access",
  description:
    "Member accounts keep no root credentials; root-only tasks run as short root sessions opened from the management account",
  criteria: ["CC6.1", "CC6.2"],
});

/**
 * The organization's root-credentials management and root sessions. Without them the root-user
 * deny (which exempts only root sessions) would leave no way to do what only root can, such as
 * unlocking a bucket whose policy denies everyone. Needs trusted access for iam.amazonaws.com,
 * which the organization enables.
 */
export class CentralizedRootAccess extends Construct {
  constructor(scope: Construct, id: string, organization: OrganizationsOrganization) {
    super(scope, id);
    implementsControl(this, CENTRALIZED_ROOT_ACCESS_CONTROL);
    new IamOrganizationsFeatures(this, "features", {
      enabledFeatures: ["RootCredentialsManagement", "RootSessions"],
      dependsOn: [organization],
      // Switching these off strands root-only recovery across the organization.
      lifecycle: { preventDestroy: true },
    });
  }
}
