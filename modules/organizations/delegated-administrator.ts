import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

export interface DelegatedAdministratorProps {
  readonly accountId: string;
  /** Service principal, such as sso.amazonaws.com. */
  readonly servicePrincipal: string;
  /** The management account's provider, when the stack's default is another account. */
  readonly provider?: TerraformProvider;
}

/**
 * Hands a service's organization-wide administration to a member account, so day-to-day work
 * happens outside the management account.
 */
export class DelegatedAdministrator extends Construct {
  readonly delegation: OrganizationsDelegatedAdministrator;

  constructor(scope: Construct, id: string, props: DelegatedAdministratorProps) {
    super(scope, id);
    this.delegation = new OrganizationsDelegatedAdministrator(this, "delegation", {
      provider: props.provider,
      accountId: props.accountId,
      servicePrincipal: props.servicePrincipal,
    });
  }
}
