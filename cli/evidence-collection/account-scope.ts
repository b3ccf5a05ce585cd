import { listAccounts } from "../../config/model/accounts";
import type { AccountEntry } from "../../config/model/accounts";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import type { OrganizationTree } from "./organization-tree";

/** An account of the organization that the snapshot reads. */
export interface ScopedAccount {
  readonly id: string;
  /** Its name in config, or in AWS when config doesn't declare it. */
  readonly name: string;
  /** The management account is read with the caller's own session; members through the read role. */
  readonly management: boolean;
  /** Declared in config (the management account counts as declared). */
  readonly inConfig: boolean;
  /** Where the account sits in AWS, and where config puts it (undefined if not in config). */
  readonly ou: string;
  readonly configOu: string | undefined;
  /** The environment that owns a workload account. */
  readonly environment: string | undefined;
}

/** An account left out of the snapshot on purpose, with the reason. */
export interface ExcludedAccount {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
}

export interface AccountScope {
  readonly accounts: readonly ScopedAccount[];
  readonly excluded: readonly ExcludedAccount[];
  /** Accounts config declares that the organization doesn't have. */
  readonly notInOrganization: readonly AccountEntry[];
}

/** The config entry of an AWS account: by id when config has it, else by name, else by email. */
function configEntryOf(
  entries: readonly AccountEntry[],
  account: { id: string; name: string; email: string },
): AccountEntry | undefined {
  return (
    entries.find((entry) => entry.id === account.id) ??
    entries.find((entry) => entry.id === undefined && entry.name === account.name) ??
    entries.find(
      (entry) =>
        entry.id === undefined && entry.email.toLowerCase() === account.email.toLowerCase(),
    )
  );
}

/**
 * Every active account of the organization is read, declared in config or not: an account config
 * doesn't know is exactly what an auditor wants to see. Accounts that are suspended or closing in
 * AWS, and workload accounts config has quarantined or is closing (deny-all applies to them and
 * their baseline is held), are left out and listed with the reason.
 */
export function accountScope(config: LandingZoneConfig, tree: OrganizationTree): AccountScope {
  const entries = listAccounts(config);
  const matched = new Set<AccountEntry>();
  const accounts: ScopedAccount[] = [];
  const excluded: ExcludedAccount[] = [];
  for (const account of tree.accounts) {
    const entry = configEntryOf(entries, account);
    if (entry) matched.add(entry);
    const name = entry?.name ?? account.name;
    if (account.state !== "ACTIVE") {
      excluded.push({ id: account.id, name, reason: `${account.state} in the organization` });
    } else if (entry?.lifecycle) {
      excluded.push({
        id: account.id,
        name,
        reason: `${entry.lifecycle} in config: deny-all applies and its baseline is held`,
      });
    } else {
      const management = account.id === tree.managementAccountId;
      accounts.push({
        id: account.id,
        name,
        management,
        inConfig: management || entry !== undefined,
        ou: account.parentPath,
        configOu: entry?.ou,
        environment: entry?.owner.kind === "workload" ? entry.owner.environment : undefined,
      });
    }
  }
  return {
    accounts,
    excluded,
    notInOrganization: entries.filter((entry) => !matched.has(entry)),
  };
}

/** "dev-data (123456789012)": how a flag or a missing check names an account. */
export function accountLabel(account: { readonly id: string; readonly name: string }): string {
  return `${account.name} (${account.id})`;
}
