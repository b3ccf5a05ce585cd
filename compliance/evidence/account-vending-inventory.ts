import { accountContactsFor, budgetFor } from "../../config/model/account-vending";
import { CORE_ACCOUNT_ROLES } from "../../config/model/accounts";
import { heldBaselines } from "../../config/model/held-baselines";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { optInRegionsOf } from "../../config/model/opt-in-regions";
import type { ContactsConfig } from "../../config/schema/vending-schema";
import { markdownTable } from "./markdown-table";

const CONTACT_TYPES = ["security", "operations", "billing"] as const;

export interface ContactEntry {
  readonly type: (typeof CONTACT_TYPES)[number];
  readonly name: string;
  readonly email: string;
  readonly source: "organization default" | "account's own";
}

export interface VendedAccount {
  readonly account: string;
  readonly kind: "management" | "core" | "workload";
  /** The workload account's environment, or null. */
  readonly environment: string | null;
  /** Null for an account the landing zone creates: its id is known once it exists. */
  readonly accountId: string | null;
  /** Security, operations, billing; a type neither the organization nor the account names is absent. */
  readonly contacts: readonly ContactEntry[];
  /** Null where the landing zone sets no budget: core and management accounts, environments without one. */
  readonly budget: {
    readonly monthlyUsd: number;
    readonly source: "account" | "environment";
    readonly notify: readonly string[];
  } | null;
  readonly optInRegions: readonly string[];
  /** Why the account's baseline, which sets its contacts, isn't planned; or null. */
  readonly held: string | null;
}

export interface AccountVendingInventory {
  /** The management account, core accounts, then workload accounts by environment file and config order. */
  readonly accounts: readonly VendedAccount[];
  readonly anomalyDetection: {
    readonly thresholdUsd: number;
    readonly frequency: string;
    readonly notify: readonly string[];
  } | null;
}

/** What each account is stamped with at vending, from the config functions the stacks deploy. */
export function buildAccountVendingInventory(config: LandingZoneConfig): AccountVendingInventory {
  const organization = config.organization.config;
  const optIn = optInRegionsOf(organization.governedRegions);
  const held = new Map(
    heldBaselines(config).map((baseline) => [
      baseline.account,
      `baseline held (${baseline.state} since ${baseline.since}): contacts kept as last applied`,
    ]),
  );
  const contactsOf = (
    account: { readonly kind: "management" } | { readonly kind: "member"; readonly name: string },
    own: ContactsConfig | undefined,
  ): ContactEntry[] => {
    const effective = accountContactsFor(config, account) ?? {};
    return CONTACT_TYPES.flatMap((type) => {
      const contact = effective[type];
      if (!contact) return [];
      const source = own?.[type] ? "account's own" : "organization default";
      return [{ type, name: contact.name, email: contact.email, source }];
    });
  };

  const management: VendedAccount = {
    account: "management",
    kind: "management",
    environment: null,
    accountId: organization.managementAccountId,
    contacts: contactsOf({ kind: "management" }, undefined),
    budget: null,
    optInRegions: optIn,
    held: null,
  };
  const core = CORE_ACCOUNT_ROLES.flatMap((role): VendedAccount[] => {
    const account = organization.coreAccounts[role];
    if (!account) return [];
    return [
      {
        account: account.name,
        kind: "core",
        environment: null,
        accountId: account.id ?? null,
        contacts: contactsOf({ kind: "member", name: account.name }, account.contacts),
        budget: null,
        optInRegions: optIn,
        held: null,
      },
    ];
  });
  const workloads = config.environments.flatMap(({ config: environment }) =>
    environment.accounts.map((account): VendedAccount => {
      const budget = budgetFor(environment, account);
      return {
        account: account.name,
        kind: "workload",
        environment: environment.name,
        accountId: account.id ?? null,
        contacts: contactsOf({ kind: "member", name: account.name }, account.contacts),
        budget: budget
          ? {
              monthlyUsd: budget.monthlyUsd,
              source: account.budget ? "account" : "environment",
              notify: budget.notify,
            }
          : null,
        // A closing account is on its way out: the environment stack enables nothing more in it.
        optInRegions: account.lifecycle?.state === "closing" ? [] : optIn,
        held: held.get(account.name) ?? null,
      };
    }),
  );
  const anomaly = organization.costControls?.anomalyDetection;
  return {
    accounts: [management, ...core, ...workloads],
    anomalyDetection: anomaly
      ? { thresholdUsd: anomaly.thresholdUsd, frequency: anomaly.frequency, notify: anomaly.notify }
      : null,
  };
}

export function renderAccountVendingInventory(inventory: AccountVendingInventory): string {
  const contactCell = (account: VendedAccount, type: ContactEntry["type"]) => {
    const contact = account.contacts.find((candidate) => candidate.type === type);
    return contact ? `${contact.name}, ${contact.email} (${contact.source})` : "none";
  };
  const anomaly = inventory.anomalyDetection;
  return [
    "# Account vending inventory",
    "",
    "What every account is given besides its baseline: the alternate contacts AWS writes to about security, operations and billing; a monthly cost budget; and the governed opt-in regions enabled before anything is deployed there.",
    "",
    "## Alternate contacts",
    "",
    ...markdownTable(
      ["account", "kind", "security", "operations", "billing", "note"],
      inventory.accounts.map((account) => [
        account.account,
        account.environment ? `workload (${account.environment})` : account.kind,
        ...CONTACT_TYPES.map((type) => contactCell(account, type)),
        account.held ?? "",
      ]),
    ),
    "",
    "## Budgets and opt-in regions",
    "",
    ...markdownTable(
      ["account", "account id", "monthly budget", "budget recipients", "opt-in regions enabled"],
      inventory.accounts.map((account) => [
        account.account,
        account.accountId ?? "created by the landing zone",
        account.budget
          ? `${account.budget.monthlyUsd} USD (${account.budget.source === "account" ? "account's own" : "environment's"})`
          : "none",
        account.budget?.notify.join(", ") || "—",
        account.optInRegions.join(", ") || "none",
      ]),
    ),
    "",
    "## Cost anomaly detection",
    "",
    ...(anomaly
      ? [
          "A monitor of the organization's spend per AWS service, run from the management account, and an email subscription:",
          "",
          ...markdownTable(
            ["alert threshold", "frequency", "recipients"],
            [[`${anomaly.thresholdUsd} USD`, anomaly.frequency, anomaly.notify.join(", ")]],
          ),
        ]
      : ["Not configured: organization.yaml sets no costControls.anomalyDetection."]),
    "",
  ].join("\n");
}
