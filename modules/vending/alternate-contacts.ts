import { AccountAlternateContact } from "@cdktf/provider-aws/lib/account-alternate-contact";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

/** CC2.3: AWS is an outside party whose security notices must reach the people who act on them. */
const ACCOUNT_CONTACTS_CONTROL = defineControl({
  id: "account-contacts",
  description:
    "Every account names a security contact (and, where configured, operations and billing contacts), so AWS's abuse reports, security notifications and billing notices reach a team rather than only the root user's mailbox",
  criteria: ["CC2.3"],
});

/** A person or team AWS writes to; the fields AWS's alternate contacts take. */
export interface AlternateContact {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  /** Digits, spaces and `+ - ( )`, as AWS accepts them, such as "+1 555 0100". */
  readonly phone: string;
}

export interface AlternateContactsProps {
  readonly contacts: {
    /** Required: AWS sends abuse reports and security notifications here. */
    readonly security?: AlternateContact;
    /** @default no operations contact: operational notices go to the root user's email only */
    readonly operations?: AlternateContact;
    /** @default no billing contact: billing notices go to the root user's email only */
    readonly billing?: AlternateContact;
  };
}

const CONTACT_TYPES = [
  ["security", "SECURITY"],
  ["operations", "OPERATIONS"],
  ["billing", "BILLING"],
] as const;

/** AWS's limits on an alternate contact's fields (Account Management API). */
const LIMITS = { name: 64, title: 50, email: 254, phone: 25 } as const;
const PHONE = /^[\s0-9()+-]+$/;

/**
 * An account's alternate contacts. It runs with the account's own provider, so no account id is
 * given: that works for the management account too, which the API won't let name itself.
 */
export class AlternateContacts extends Construct {
  constructor(scope: Construct, id: string, props: AlternateContactsProps) {
    super(scope, id);
    implementsControl(this, ACCOUNT_CONTACTS_CONTROL);
    if (!props.contacts.security)
      throw new Error(
        "AlternateContacts needs a security contact, where AWS sends abuse reports and security notifications; set accountContacts.security in organization.yaml",
      );
    for (const [key, type] of CONTACT_TYPES) {
      const contact = props.contacts[key];
      if (!contact) continue;
      validate(key, contact);
      new AccountAlternateContact(this, key, {
        alternateContactType: type,
        name: contact.name,
        title: contact.title,
        emailAddress: contact.email,
        phoneNumber: contact.phone,
      });
    }
  }
}

function validate(type: string, contact: AlternateContact): void {
  for (const field of ["name", "title", "email", "phone"] as const) {
    const value = contact[field];
    if (value.trim().length === 0 || value.length > LIMITS[field])
      throw new Error(
        `the ${type} contact's ${field} must have 1 to ${LIMITS[field]} characters, got "${value}"`,
      );
  }
  if (!PHONE.test(contact.phone))
    throw new Error(
      `the ${type} contact's phone may hold only digits, spaces and + - ( ), got "${contact.phone}"`,
    );
  if (!/^[^@\s]+@[^@\s]+$/.test(contact.email))
    throw new Error(`the ${type} contact's email is not an email address: "${contact.email}"`);
}
