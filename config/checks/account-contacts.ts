import type { ConfigProblem } from "../loader/config-problem";
import { readableItems } from "../loader/salvage";
import { CORE_ACCOUNT_ROLES } from "../model/accounts";
import type { ContactsConfig } from "../schema/vending-schema";
import type { SemanticCheck } from "./semantic-check";

/**
 * An account that sets alternate contacts has a security contact, its own or the organization's:
 * it is the one AWS writes to about abuse and compromised credentials, and the guardrail rules
 * refuse alternate contacts without it.
 */
export const checkAccountContacts: SemanticCheck = ({ organization, environments }) => {
  if (!organization || organization.config.accountContacts) return [];
  const declared: { file: string; path: PropertyKey[]; contacts: ContactsConfig | undefined }[] = [
    ...CORE_ACCOUNT_ROLES.map((role) => ({
      file: organization.file,
      path: ["coreAccounts", role, "contacts"],
      contacts: organization.config.coreAccounts[role]?.contacts,
    })),
    ...environments.flatMap(({ file, config }) =>
      readableItems(config.accounts).map(([account, index]) => ({
        file,
        path: ["accounts", index, "contacts"],
        contacts: account.contacts,
      })),
    ),
  ];
  return declared
    .filter(({ contacts }) => contacts && !contacts.security)
    .map(({ file, path, contacts }): ConfigProblem => ({
      file,
      path,
      message: `has no security contact, and ${organization.file} has no accountContacts to supply one`,
      received: contacts,
      fix: "Add a security contact here, or accountContacts with a security contact to organization.yaml: AWS writes to it about abuse and compromised credentials.",
    }));
};
