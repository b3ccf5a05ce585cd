import type { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import type { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import type { TerraformResource } from "cdktf";
import { importExisting } from "../terraform/import-existing";
import type { MemberAccount } from "./member-account";

export interface AccountMoveProps {
  /** The moved account, which must have its id: it is imported by id. */
  readonly account: MemberAccount;
  /** Policies attached to the account by name: both stacks attach them. */
  readonly policyAttachments: readonly OrganizationsPolicyAttachment[];
  /** Identity Center assignments of the account that the stack it left held too. */
  readonly assignments: readonly SsoadminAccountAssignment[];
}

/**
 * Takes over an account moved in from another environment's stack: the account, its direct
 * policy attachments and the access both stacks grant are imported here rather than created, and
 * the stack it left forgets the same addresses (forgetResource). So the move destroys nothing,
 * creates no second account, and leaves no moment without a guardrail or access, whichever stack
 * applies first. Access only one of the stacks grants is revoked or granted as usual.
 *
 * @returns the resources taken over, for the stack the account left to forget.
 */
export function adoptMovedAccount(props: AccountMoveProps): TerraformResource[] {
  const { account, policyAttachments, assignments } = props;
  if (!account.isImported) {
    throw new Error(
      `account ${account.accountName} moves between stacks without an id; give it its id in config, so the stack it moves to imports it`,
    );
  }
  // The account itself is imported by MemberAccount, as every account with an id.
  for (const attachment of policyAttachments) {
    importExisting(attachment, `${attachment.targetIdInput}:${attachment.policyIdInput}`);
  }
  for (const assignment of assignments) {
    const id = [
      assignment.principalIdInput,
      assignment.principalTypeInput,
      assignment.targetIdInput,
      assignment.targetTypeInput,
      assignment.permissionSetArnInput,
      assignment.instanceArnInput,
    ];
    importExisting(assignment, id.join(","));
  }
  return [account.account, ...policyAttachments, ...assignments];
}
