import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import { Construct } from "constructs";

export interface DelegatedAdministratorProps {
  readonly accountId: string;
  /** Service principal, such as sso.amazonaws.com. */
  readonly servicePrincipal: string;
}

/**
 * Hands a service's organization-wide administration to a member account, so day-to-day work
 * happens outside the management account.
 */
export class DelegatedAdministrator extends Construct {
  constructor(scope: Construct, id: string, props: DelegatedAdministratorProps) {
    super(scope, id);
    new OrganizationsDelegatedAdministrator(this, "delegation", {
      accountId: props.accountId,
      servicePrincipal: props.servicePrincipal,
    });
  }
}
