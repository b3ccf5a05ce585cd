/**
 * The 6.x-only resource arguments the adapter may drop when checking a stack on provider 5.x.
 * Anything the 5.x schema doesn't know and that isn't listed here fails the adaptation, so
 * keep this list short and add an entry only for an argument that has no 5.x form at all.
 *
 * An entry that carries a protection is dropped only when it holds its protective value, and
 * the drop is reported with `unprovenProtection`: the harness proves nothing about that
 * protection on 5.x and must say so loudly. Any other value fails, because dropping it would
 * hide a setting the harness never exercised.
 */
export interface SixOnlyAttribute {
  /** Managed resource type; data sources have no entries. */
  readonly resourceType: string;
  /** Top-level argument name. */
  readonly attribute: string;
  /** Why there is no 5.x form: the 6.x release that added it and what 5.x lacks. */
  readonly sixOnlyBecause: string;
  /** `"none"`, or the protection lost on 5.x and the value that turns it on. */
  readonly securityEffect: "none" | Protection;
}

export interface Protection {
  /** What the argument protects against, in words for the harness report. */
  readonly protects: string;
  /** The value (compared with ===) that enables the protection. */
  readonly protectiveValue: string | number | boolean;
}

export const SIX_ONLY_ATTRIBUTES: readonly SixOnlyAttribute[] = [
  {
    resourceType: "aws_cloudwatch_log_group",
    attribute: "deletion_protection_enabled",
    sixOnlyBecause:
      "added in AWS provider 6.25.0 (hashicorp/terraform-provider-aws#45298) for the CloudWatch Logs deletion protection AWS launched in November 2025; 5.x's aws_cloudwatch_log_group has no argument for it and no other 5.x resource sets it",
    securityEffect: {
      protects:
        "CloudWatch Logs refuses DeleteLogGroup while it is on, so nobody (console, API or Terraform) can delete the log group and the records in it; on 5.x the log group is created without it, so a 5.x run shows nothing about this protection",
      protectiveValue: true,
    },
  },
];
