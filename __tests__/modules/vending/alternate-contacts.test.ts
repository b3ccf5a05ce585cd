import { TerraformStack, Testing } from "cdktf";
import { findControls } from "../../../compliance/controls/control";
import { AlternateContacts } from "../../../modules/vending/alternate-contacts";
import type {
  AlternateContact,
  AlternateContactsProps,
} from "../../../modules/vending/alternate-contacts";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const security: AlternateContact = {
  name: "Security team",
  title: "Security",
  email: "security@example.com",
  phone: "+1 555 0100",
};
const billing: AlternateContact = {
  name: "Finance",
  title: "Accounts payable",
  email: "finance@example.com",
  phone: "+1 (555) 0101",
};

function synthContacts(contacts: AlternateContactsProps["contacts"]) {
  let made!: AlternateContacts;
  const json = synthConstruct((scope) => {
    made = new AlternateContacts(scope, "contacts", { contacts });
  });
  return { contacts: resourcesOf(json, "aws_account_alternate_contact"), made };
}

test("one alternate contact per configured type, in the account's own provider (no account id)", () => {
  const { contacts, made } = synthContacts({ security, billing });
  expect(Object.keys(contacts)).toHaveLength(2);
  expect(Object.values(contacts)).toEqual(
    expect.arrayContaining([
      {
        alternate_contact_type: "SECURITY",
        name: "Security team",
        title: "Security",
        email_address: "security@example.com",
        phone_number: "+1 555 0100",
      },
      {
        alternate_contact_type: "BILLING",
        name: "Finance",
        title: "Accounts payable",
        email_address: "finance@example.com",
        phone_number: "+1 (555) 0101",
      },
    ]),
  );
  expect(findControls(made).map(({ control }) => control)).toEqual([
    expect.objectContaining({ id: "account-contacts", criteria: ["CC2.3"] }),
  ]);
});

describe("refuses contacts AWS would reject or that leave security notices unread", () => {
  const build = (contacts: AlternateContactsProps["contacts"]) => () =>
    new AlternateContacts(new TerraformStack(Testing.app(), "baseline"), "contacts", {
      contacts,
    });

  test.each<[string, AlternateContactsProps["contacts"], string]>([
    [
      "no security contact",
      { billing },
      "AlternateContacts needs a security contact, where AWS sends abuse reports and security notifications; set accountContacts.security in organization.yaml",
    ],
    [
      "a phone number with letters",
      { security: { ...security, phone: "call 555" } },
      'the security contact\'s phone may hold only digits, spaces and + - ( ), got "call 555"',
    ],
    [
      "a title longer than AWS takes",
      { security, billing: { ...billing, title: "x".repeat(51) } },
      `the billing contact's title must have 1 to 50 characters, got "${"x".repeat(51)}"`,
    ],
    [
      "an email that isn't one",
      { security: { ...security, email: "security" } },
      'the security contact\'s email is not an email address: "security"',
    ],
  ])("%s", (_, contacts, message) => {
    expect(build(contacts)).toThrow(message);
  });
});
