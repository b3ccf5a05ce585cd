import { dependable } from "cdktf";
import type { MemberAccount } from "./member-account";

/** AWS Organizations runs at most five CreateAccount requests at a time per organization. */
const CONCURRENT_ACCOUNT_CREATIONS = 5;

/**
 * Chains account creation into lanes of at most `lanes` concurrent requests: the n-th new
 * account waits for the (n - lanes)-th. Accounts keep their config order, so adding one at the
 * end leaves every existing account's dependencies as they were. Imported accounts create
 * nothing and take no lane.
 */
export function chainAccountCreation(
  accounts: readonly MemberAccount[],
  lanes: number = CONCURRENT_ACCOUNT_CREATIONS,
): void {
  const created = accounts.filter((account) => !account.isImported);
  created.forEach((account, index) => {
    // dependable() renders a bare address; Terraform rejects "${...}" in depends_on.
    if (index >= lanes) account.account.dependsOn = [dependable(created[index - lanes].account)];
  });
}
