import { createTwoFilesPatch } from "diff";
import type { ChangeKind } from "./classify-change";
import type { PlanResourceChange } from "./plan-json";
import { isSensitive } from "./sensitive-values";
import { EVIDENCE_BUCKET_NAME } from "../../contracts/resource-names";
import { AUDIT_LOG_BUCKET_TAG } from "../../contracts/tags";

export interface SecurityFlag {
  readonly kind: "protected-deletion" | "policy-change" | "control-off";
  readonly message: string;
  /** A unified diff of the policy document, for policy changes. */
  readonly diff?: string;
}

/** Types whose deletion or replacement loses evidence, access control or recoverability. */
const PROTECTED_TYPES = new Set([
  "aws_organizations_organization",
  "aws_organizations_organizational_unit",
  "aws_organizations_account",
  "aws_organizations_policy",
  "aws_organizations_policy_attachment",
  "aws_kms_key",
  "aws_cloudtrail",
  "aws_cloudwatch_log_group",
  "aws_config_configuration_recorder",
  "aws_config_configuration_recorder_status",
  "aws_config_delivery_channel",
  "aws_config_configuration_aggregator",
  "aws_backup_vault",
  "aws_backup_vault_lock_configuration",
  "aws_s3_bucket_public_access_block",
  "aws_s3_account_public_access_block",
  "aws_guardduty_detector",
  "aws_identitystore_group",
]);

/** Buckets holding logs or state: protected, unlike application buckets. */
function isProtectedBucket(value: unknown): boolean {
  const bucket = value as {
    bucket?: string;
    tags?: Record<string, string>;
    object_lock_enabled?: boolean;
  } | null;
  if (!bucket) return false;
  return (
    bucket.tags?.[AUDIT_LOG_BUCKET_TAG.key] === AUDIT_LOG_BUCKET_TAG.value ||
    bucket.object_lock_enabled === true ||
    EVIDENCE_BUCKET_NAME.test(bucket.bucket ?? "")
  );
}

/** Attributes that hold a policy document, by resource type. */
const POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_organizations_policy: "content",
  aws_iam_policy: "policy",
  aws_iam_role_policy: "policy",
  aws_iam_role: "assume_role_policy",
  aws_kms_key: "policy",
  aws_kms_key_policy: "policy",
  aws_s3_bucket_policy: "policy",
  aws_backup_vault_policy: "policy",
  aws_sns_topic_policy: "policy",
  aws_ssoadmin_permission_set_inline_policy: "inline_policy",
};

/** Resource types where any change is an access change. */
const ACCESS_TYPES = new Set([
  "aws_ssoadmin_permission_set",
  "aws_ssoadmin_managed_policy_attachment",
  "aws_ssoadmin_customer_managed_policy_attachment",
  "aws_ssoadmin_account_assignment",
]);

type Check = {
  readonly attribute: string;
  readonly isOff: (before: unknown, after: unknown) => boolean;
  readonly what: string;
};
const turnedOff = (attribute: string, what: string): Check => ({
  attribute,
  what,
  isOff: (before, after) => before === true && after !== true,
});
const shortened = (attribute: string, what: string): Check => ({
  attribute,
  what,
  isOff: (before, after) =>
    typeof before === "number" &&
    before > 0 &&
    (typeof after !== "number" || (after > 0 && after < before)),
});

/** Attribute changes that switch a control off. */
const CONTROL_CHECKS: Readonly<Record<string, readonly Check[]>> = {
  aws_cloudtrail: [
    turnedOff("is_multi_region_trail", "the trail stops recording every region"),
    turnedOff("enable_log_file_validation", "log file validation is switched off"),
    turnedOff("include_global_service_events", "global service events stop being recorded"),
    turnedOff("enable_logging", "the trail stops logging"),
  ],
  aws_s3_bucket_public_access_block: [
    "block_public_acls",
    "block_public_policy",
    "ignore_public_acls",
    "restrict_public_buckets",
  ].map((attribute) => turnedOff(attribute, `public access block ${attribute} is switched off`)),
  aws_s3_account_public_access_block: [
    "block_public_acls",
    "block_public_policy",
    "ignore_public_acls",
    "restrict_public_buckets",
  ].map((attribute) =>
    turnedOff(attribute, `account public access block ${attribute} is switched off`),
  ),
  aws_kms_key: [turnedOff("enable_key_rotation", "key rotation is switched off")],
  aws_config_configuration_recorder_status: [
    turnedOff("is_enabled", "the Config recorder is stopped"),
  ],
  aws_guardduty_detector: [turnedOff("enable", "GuardDuty is switched off")],
  aws_ebs_encryption_by_default: [
    turnedOff("enabled", "EBS encryption by default is switched off"),
  ],
  aws_cloudwatch_log_group: [shortened("retention_in_days", "log retention is shortened")],
};

function policyText(value: unknown): string {
  if (typeof value !== "string") return "";
  try {
    return `${JSON.stringify(JSON.parse(value), null, 2)}\n`;
  } catch {
    return `${value}\n`;
  }
}

/** The security-relevant aspects of one change, each with a sentence a reviewer can act on. */
export function securityFlags(change: PlanResourceChange, kind: ChangeKind): SecurityFlag[] {
  const {
    before,
    after,
    before_sensitive: beforeSensitive,
    after_sensitive: afterSensitive,
  } = change.change;
  const flags: SecurityFlag[] = [];
  const beforeObject = (before ?? {}) as Record<string, unknown>;
  const afterObject = (after ?? {}) as Record<string, unknown>;
  if (
    (kind === "delete" || kind === "replace") &&
    (PROTECTED_TYPES.has(change.type) ||
      (change.type === "aws_s3_bucket" && isProtectedBucket(before)))
  ) {
    flags.push({
      kind: "protected-deletion",
      message: `${kind === "delete" ? "deletes" : "replaces (deletes, then creates)"} a protected ${change.type}`,
    });
  }
  const policyAttribute = POLICY_ATTRIBUTES[change.type];
  if (
    policyAttribute &&
    beforeObject[policyAttribute] !== afterObject[policyAttribute] &&
    kind !== "import" &&
    kind !== "move"
  ) {
    const hidden =
      isSensitive(beforeSensitive, [policyAttribute]) ||
      isSensitive(afterSensitive, [policyAttribute]);
    flags.push({
      kind: "policy-change",
      message: `changes its policy document (\`${policyAttribute}\`)`,
      diff: hidden
        ? "(sensitive: not shown)"
        : createTwoFilesPatch(
            "before",
            "after",
            policyText(beforeObject[policyAttribute]),
            policyText(afterObject[policyAttribute]),
            undefined,
            undefined,
            { context: 3 },
          ),
    });
  } else if (ACCESS_TYPES.has(change.type) && kind !== "move") {
    flags.push({
      kind: "policy-change",
      message: `changes Identity Center access (${change.type})`,
    });
  }
  if (kind === "update" || kind === "replace") {
    for (const check of CONTROL_CHECKS[change.type] ?? []) {
      if (check.isOff(beforeObject[check.attribute], afterObject[check.attribute]))
        flags.push({ kind: "control-off", message: check.what });
    }
  }
  return flags;
}
