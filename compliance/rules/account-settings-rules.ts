import { COMPLIANT, expectThat, nonCompliant } from "./rule";
import type { ResourceRef, Rule } from "./rule";
import { isToken, preventsDestroy } from "./terraform-values";

/**
 * The account a contact belongs to: its provider (one per account in a stack) and account_id,
 * which is absent when the contact is set from inside the account itself.
 */
function accountOf(contact: ResourceRef): string {
  const { provider, account_id: accountId } = contact.body as Record<string, string | undefined>;
  return `${provider ?? ""}|${accountId ?? ""}`;
}

function isSecurityContact(contact: ResourceRef): boolean {
  const type = contact.body.alternate_contact_type;
  return type === "SECURITY" || isToken(type);
}

export const ACCOUNT_SETTINGS_RULES: readonly Rule[] = [
  {
    id: "LZ-ACCT-003",
    criteria: ["CC2.3", "CC7.3"],
    title: "Accounts that name alternate contacts name a security contact",
    fix: "Set accountContacts.security in organization.yaml (or contacts.security on the account): AWS sends abuse reports and security notices to the SECURITY alternate contact, and otherwise only to the root email, which nobody may read.",
    appliesTo: ["aws_account_alternate_contact"],
    check(contact, context) {
      if (isSecurityContact(contact)) return COMPLIANT;
      const account = accountOf(contact);
      return expectThat(
        context
          .resourcesOf("aws_account_alternate_contact")
          .some((other) => accountOf(other) === account && isSecurityContact(other)),
        `is the account's ${String(contact.body.alternate_contact_type)} contact, but the account has no SECURITY contact`,
      );
    },
  },
  {
    id: "LZ-ACCT-004",
    criteria: ["CC7.2", "CC8.1"],
    title: "Opt-in regions the landing zone governs stay enabled",
    fix: "Set enabled = true and keep lifecycle.prevent_destroy = true on aws_account_region; OptInRegions does. The baseline's detective controls run only in enabled regions, so a governed region switched off would be governed in config only.",
    appliesTo: ["aws_account_region"],
    check(region) {
      const { enabled, region_name: name } = region.body;
      if (enabled === false) return nonCompliant(`disables ${String(name)}`);
      return expectThat(preventsDestroy(region), "lacks prevent_destroy");
    },
  },
];
