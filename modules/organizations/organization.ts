import { OrganizationsOrganization } from "@cdktf/provider-aws/lib/organizations-organization";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { importExisting } from "../terraform/import-existing";
import { CentralizedRootAccess } from "./centralized-root-access";
import { ORGANIZATION_POLICY_TYPES, ORGANIZATION_SERVICE_PRINCIPALS } from "./service-access";

const ORGANIZATION_CONTROL = defineControl({
  id: "organization-governance",
  description:
    "Every account belongs to one organization with all features, so guardrail policies and trusted security services reach all of them",
  criteria: ["CC5.2", "CC6.1"],
});

export interface OrganizationProps {
  /**
   * Id of an organization that already exists, which is then imported rather than created.
   * @default the organization is created
   */
  readonly existingOrganizationId?: string;
}

/**
 * The AWS organization with all features, every policy type the guardrails use, trusted access
 * for the security and operations services, and centralized root access. Terraform refuses to
 * destroy it.
 */
export class Organization extends Construct {
  readonly organization: OrganizationsOrganization;

  constructor(scope: Construct, id: string, props: OrganizationProps = {}) {
    super(scope, id);
    implementsControl(this, ORGANIZATION_CONTROL);
    this.organization = new OrganizationsOrganization(this, "organization", {
      featureSet: "ALL",
      enabledPolicyTypes: [...ORGANIZATION_POLICY_TYPES],
      awsServiceAccessPrincipals: [...ORGANIZATION_SERVICE_PRINCIPALS],
      lifecycle: { preventDestroy: true },
    });
    if (props.existingOrganizationId)
      importExisting(this.organization, props.existingOrganizationId);
    new CentralizedRootAccess(this, "centralized-root-access", this.organization);
  }

  /** Id of the organization root, the parent of top-level OUs. */
  get rootId(): string {
    return this.organization.roots.get(0).id;
  }
}
