import type { EnvironmentConfig, WorkloadAccountConfig } from "../schema/environment-schema";
import type { LandingZoneConfig } from "./landing-zone-config";
import { CORE_ACCOUNT_ROLES } from "./accounts";
import type { OrganizationConfig } from "../schema/organization-schema";
import type { ContactsConfig } from "../schema/vending-schema";

const CONTACT_TYPES = ["security", "operations", "billing"] as const;

/**
 * An account's alternate contacts: the organization's, with each type the account names replaced
 * by its own. Types neither names are left out.
 */
export function alternateContactsFor(
  organization: OrganizationConfig,
  override?: ContactsConfig,
): ContactsConfig {
  const contacts: { -readonly [Type in keyof ContactsConfig]: ContactsConfig[Type] } = {};
  for (const type of CONTACT_TYPES) {
    const contact = override?.[type] ?? organization.accountContacts?.[type];
    if (contact) contacts[type] = contact;
  }
  return contacts;
}

/**
 * The alternate contacts of one account of the landing zone, or undefined when it has none: the
 * management account takes the organization's; a member account, core or workload, may override
 * them by type with its own `contacts`.
 */
export function accountContactsFor(
  config: Pick<LandingZoneConfig, "organization" | "environments">,
  account: { readonly kind: "management" } | { readonly kind: "member"; readonly name: string },
): ContactsConfig | undefined {
  const organization = config.organization.config;
  const override = account.kind === "member" ? ownContacts(config, account.name) : undefined;
  const contacts = alternateContactsFor(organization, override);
  return Object.keys(contacts).length > 0 ? contacts : undefined;
}

function ownContacts(
  config: Pick<LandingZoneConfig, "organization" | "environments">,
  name: string,
): ContactsConfig | undefined {
  const { coreAccounts } = config.organization.config;
  const core = CORE_ACCOUNT_ROLES.map((role) => coreAccounts[role]).find(
    (candidate) => candidate?.name === name,
  );
  if (core) return core.contacts;
  return workloadContacts(config.environments).get(name);
}

const contactsByEnvironments = new WeakMap<object, Map<string, ContactsConfig | undefined>>();

/** Each workload account's own contacts by name, indexed once per config: asked per account. */
function workloadContacts(
  environments: LandingZoneConfig["environments"],
): Map<string, ContactsConfig | undefined> {
  let byName = contactsByEnvironments.get(environments);
  if (!byName) {
    byName = new Map();
    for (const { config: environment } of environments)
      for (const account of environment.accounts)
        if (!byName.has(account.name)) byName.set(account.name, account.contacts);
    contactsByEnvironments.set(environments, byName);
  }
  return byName;
}

/**
 * A workload account's monthly budget: its own amount or the environment's, notifying the
 * environment's recipients and the account's owner, each address once. Undefined when neither the
 * account nor its environment sets a budget.
 */
export function budgetFor(
  environment: EnvironmentConfig,
  account: WorkloadAccountConfig,
): { monthlyUsd: number; notify: string[] } | undefined {
  const monthlyUsd = account.budget?.monthlyUsd ?? environment.budget?.monthlyUsd;
  if (monthlyUsd === undefined) return undefined;
  const notify: string[] = [];
  for (const email of [...(environment.budget?.notify ?? []), account.ownerEmail ?? ""])
    if (email !== "" && !notify.some((known) => known.toLowerCase() === email.toLowerCase()))
      notify.push(email);
  return { monthlyUsd, notify };
}
