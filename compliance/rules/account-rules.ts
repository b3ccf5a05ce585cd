import { block, expectThat } from "./rule";
import type { Rule } from "./rule";

/** CIS AWS Foundations password settings, as Terraform attribute names. */
const CIS_PASSWORD_SETTINGS = {
  minimum_password_length: (value: unknown) => typeof value === "number" && value >= 14,
  password_reuse_prevention: (value: unknown) => typeof value === "number" && value >= 24,
  max_password_age: (value: unknown) => typeof value === "number" && value > 0 && value <= 90,
  require_lowercase_characters: (value: unknown) => value === true,
  require_uppercase_characters: (value: unknown) => value === true,
  require_numbers: (value: unknown) => value === true,
  require_symbols: (value: unknown) => value === true,
} as const;

export const ACCOUNT_RULES: readonly Rule[] = [
  {
    id: "LZ-ACCT-001",
    criteria: ["CC6.1"],
    title: "The IAM password policy meets CIS",
    fix: "Use at least 14 characters, 24 remembered, at most 90 days, and every character class; AccountHardening does.",
    appliesTo: ["aws_iam_account_password_policy"],
    check: (policy) => {
      const weak = Object.entries(CIS_PASSWORD_SETTINGS)
        .filter(([attribute, meetsCis]) => !meetsCis(policy.body[attribute]))
        .map(([attribute]) => attribute);
      return expectThat(weak.length === 0, `falls short of CIS on ${weak.join(", ")}`);
    },
  },
  {
    id: "LZ-ACCT-002",
    criteria: ["CC6.1", "CC6.7", "C1.1"],
    title: "EBS encryption by default is on",
    fix: "Set enabled = true on aws_ebs_encryption_by_default in every governed region.",
    appliesTo: ["aws_ebs_encryption_by_default"],
    check: (setting) => expectThat(setting.body.enabled !== false, "is switched off"),
  },
  {
    id: "LZ-ORG-001",
    criteria: ["CC8.1", "A1.2"],
    title: "Accounts cannot be destroyed by Terraform",
    fix: "Keep lifecycle.prevent_destroy = true on every aws_organizations_account; MemberAccount does.",
    appliesTo: ["aws_organizations_account"],
    check: (account) =>
      expectThat(block(account.body.lifecycle)?.prevent_destroy === true, "lacks prevent_destroy"),
  },
  {
    id: "LZ-ORG-002",
    criteria: ["A1.2", "C1.2"],
    title: "Removing an account from config never closes it",
    fix: "Set close_on_deletion = false.",
    appliesTo: ["aws_organizations_account"],
    check: (account) =>
      expectThat(account.body.close_on_deletion !== true, "closes the account on deletion"),
  },
];
