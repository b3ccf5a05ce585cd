import type { AccountState } from "../schema/account-lifecycle";
import type { LandingZoneConfig } from "./landing-zone-config";

export const CORE_ACCOUNT_ROLES = ["logArchive", "audit", "sharedServices"] as const;
export type CoreAccountRole = (typeof CORE_ACCOUNT_ROLES)[number];

/** One member account, core or workload, with where it is declared. */
export interface AccountEntry {
  readonly name: string;
  readonly email: string;
  readonly id: string | undefined;
  /** Path of the OU the account sits in. */
  readonly ou: string;
  /** The core account's role, or the environment that owns a workload account. */
  readonly owner:
    | { readonly kind: "core"; readonly role: CoreAccountRole }
    | { readonly kind: "workload"; readonly environment: string };
  readonly file: string;
  readonly configPath: readonly PropertyKey[];
  /** Set once a workload account is quarantined or closing. */
  readonly lifecycle?: AccountState;
}

/** Core accounts first, then each environment's accounts in file and config order. */
export function listAccounts(
  config: Pick<LandingZoneConfig, "organization" | "environments">,
): AccountEntry[] {
  const { file, config: organization } = config.organization;
  const core = CORE_ACCOUNT_ROLES.flatMap((role): AccountEntry[] => {
    const account = organization.coreAccounts[role];
    if (!account) return [];
    return [
      {
        name: account.name,
        email: account.email,
        id: account.id,
        ou: account.ou,
        owner: { kind: "core", role },
        file,
        configPath: ["coreAccounts", role],
      },
    ];
  });
  const workloads = config.environments.flatMap((environment) =>
    environment.config.accounts.map((account, index): AccountEntry => ({
      name: account.name,
      email: account.email,
      id: account.id,
      ou: effectiveOu(config.organization.config.quarantineOu, environment.config.ou, account),
      owner: { kind: "workload", environment: environment.config.name },
      file: environment.file,
      configPath: ["accounts", index],
      lifecycle: account.lifecycle?.state,
    })),
  );
  return [...core, ...workloads];
}

/**
 * The OU a workload account sits in: the quarantine OU once it is quarantined or closing, else
 * its own OU if it names one, else its environment's.
 */
export function effectiveOu(
  quarantineOu: string | undefined,
  environmentOu: string,
  account: { readonly ou?: string; readonly lifecycle?: unknown },
): string {
  if (account.lifecycle && quarantineOu) return quarantineOu;
  return account.ou ?? environmentOu;
}
