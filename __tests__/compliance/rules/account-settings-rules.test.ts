import { ACCOUNT_SETTINGS_RULES } from "../../../compliance/rules/account-settings-rules";
import { resultOf, testRuleCases } from "./rule-cases";
import type { Resources } from "./rule-cases";

const contact = (type: string, provider?: string) => ({
  alternate_contact_type: type,
  name: "Jane Doe",
  title: "CISO",
  email_address: "security@example.com",
  phone_number: "+1 555 0100",
  ...(provider ? { provider } : {}),
});
const region = (body: Record<string, unknown>): Resources => ({
  aws_account_region: {
    subject: {
      region_name: "af-south-1",
      enabled: true,
      lifecycle: { prevent_destroy: true },
      ...body,
    },
  },
});

testRuleCases(ACCOUNT_SETTINGS_RULES, {
  "LZ-ACCT-003": [
    {
      compliant: {
        aws_account_alternate_contact: {
          subject: contact("OPERATIONS", "aws.prod-data"),
          security: contact("SECURITY", "aws.prod-data"),
        },
      },
      nonCompliant: {
        aws_account_alternate_contact: {
          subject: contact("OPERATIONS", "aws.prod-data"),
          security: contact("SECURITY", "aws.prod-platform"),
        },
      },
      message: "is the account's OPERATIONS contact, but the account has no SECURITY contact",
    },
  ],
  "LZ-ACCT-004": [
    {
      compliant: region({}),
      nonCompliant: region({ enabled: false }),
      message: "disables af-south-1",
    },
  ],
});

test("a security contact passes on its own", () => {
  expect(
    resultOf("LZ-ACCT-003", { aws_account_alternate_contact: { subject: contact("SECURITY") } })
      .status,
  ).toBe("compliant");
});

test("an enabled region Terraform may destroy is flagged", () => {
  expect(resultOf("LZ-ACCT-004", region({ lifecycle: undefined }))).toMatchObject({
    status: "non-compliant",
    message: "lacks prevent_destroy",
  });
});
