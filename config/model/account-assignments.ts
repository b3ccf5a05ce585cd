import { listAccounts } from "./accounts";
import type { AccountEntry } from "./accounts";
import type { LandingZoneConfig } from "./landing-zone-config";

/** One group holding one permission set in one account. */
export interface ExpandedAssignment {
  readonly group: string;
  readonly permissionSet: string;
  readonly account: AccountEntry;
}

/**
 * Every assignment of identity.yaml, expanded to single accounts: by name, by OU (the OU and
 * those below it), by environment, or all member accounts. A new account that falls under a
 * target is included without further config. A quarantined or closing account gets none: its
 * access is revoked with the move. Duplicates collapse; the order is stable.
 */
export function expandAssignments(config: LandingZoneConfig): ExpandedAssignment[] {
  if (!config.identity) return [];
  const accounts = listAccounts(config).filter((account) => !account.lifecycle);
  const expanded = new Map<string, ExpandedAssignment>();
  for (const assignment of config.identity.config.assignments) {
    const matches = (account: AccountEntry) =>
      assignment.allAccounts ||
      assignment.accounts.includes(account.name) ||
      assignment.ous.some((ou) => account.ou === ou || account.ou.startsWith(`${ou}/`)) ||
      (account.owner.kind === "workload" &&
        assignment.environments.includes(account.owner.environment));
    for (const account of accounts.filter(matches)) {
      const key = [account.name, assignment.group, assignment.permissionSet].join("\u0000");
      expanded.set(key, {
        group: assignment.group,
        permissionSet: assignment.permissionSet,
        account,
      });
    }
  }
  return [...expanded.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, assignment]) => assignment);
}
