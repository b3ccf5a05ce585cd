import { RamSharingWithOrganization } from "@cdktf/provider-aws/lib/ram-sharing-with-organization";
import { VpcIpamOrganizationAdminAccount } from "@cdktf/provider-aws/lib/vpc-ipam-organization-admin-account";
import { Token } from "cdktf";
import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";

export interface IpamDelegationProps {
  /** The member account that runs the organization IPAM (never the management account). */
  readonly administratorAccountId: string;
  /** The management account's provider, when the stack's default is another account. */
  readonly provider?: TerraformProvider;
  /**
   * What enables trusted access for IPAM and RAM (the organization resource): an imported core
   * account's literal id would otherwise let Terraform delegate before that is applied.
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The management account's side of the organization IPAM. IPAM is delegated through its own
 * API (EnableIpamOrganizationAdminAccount), not Organizations': only that creates the
 * AWSServiceRoleForIPAM role in every account, without which IPAM can't see their VPCs. RAM
 * sharing with the organization lets the IPAM account share pools with OUs; without it, RAM
 * only shares with accounts one by one, as invitations.
 */
export class IpamDelegation extends Construct {
  readonly delegation: VpcIpamOrganizationAdminAccount;
  readonly ramSharing: RamSharingWithOrganization;

  constructor(scope: Construct, id: string, props: IpamDelegationProps) {
    super(scope, id);
    const accountId = props.administratorAccountId;
    if (!Token.isUnresolved(accountId) && !/^\d{12}$/.test(accountId))
      throw new Error(
        `IpamDelegation needs the 12-digit id of the IPAM account, got "${accountId}"`,
      );
    this.delegation = new VpcIpamOrganizationAdminAccount(this, "ipam-admin", {
      provider: props.provider,
      delegatedAdminAccountId: accountId,
      dependsOn: props.dependsOn,
    });
    // Destroying it turns RAM's trusted access off, which withdraws every share to an OU.
    this.ramSharing = new RamSharingWithOrganization(this, "ram-sharing", {
      provider: props.provider,
      dependsOn: props.dependsOn,
      lifecycle: { preventDestroy: true },
    });
  }
}
