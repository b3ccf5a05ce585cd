import { statementsOf } from "./policy-statements";
import { block, blocks, COMPLIANT, expectThat, nonCompliant, NOT_APPLICABLE } from "./rule";
import type { ResourceRef, Rule, RuleContext } from "./rule";
import { AUDIT_EVIDENCE_BUCKET_TAG, AUDIT_LOG_BUCKET_TAG } from "../../contracts/tags";

const BUCKET = ["aws_s3_bucket"];

function related(context: RuleContext, type: string, bucket: ResourceRef): ResourceRef[] {
  return context.referencing(type, "bucket", bucket, bucket.body.bucket);
}

/** S3 delivers server access logs only to SSE-S3 buckets, so log targets are held to that. */
function isAccessLogTarget(context: RuleContext, bucket: ResourceRef): boolean {
  return (
    context.referencing("aws_s3_bucket_logging", "target_bucket", bucket, bucket.body.bucket)
      .length > 0
  );
}

/** What an audit-record bucket holds, by its tag: audit logs, evidence snapshots, or neither. */
function auditRecordsIn(bucket: ResourceRef): string | undefined {
  const tags = bucket.body.tags as Record<string, string> | undefined;
  const held = [
    [AUDIT_LOG_BUCKET_TAG, "audit logs"],
    [AUDIT_EVIDENCE_BUCKET_TAG, "audit evidence"],
  ] as const;
  return held.find(([tag]) => tags?.[tag.key] === tag.value)?.[1];
}

export const S3_RULES: readonly Rule[] = [
  {
    id: "LZ-S3-001",
    criteria: ["CC6.1", "CC6.7", "C1.1"],
    title: "Buckets are encrypted with KMS (SSE-S3 only for access-log targets)",
    fix: "Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and a customer-managed key; use SecureBucket.",
    appliesTo: BUCKET,
    check(bucket, context) {
      const algorithms = related(
        context,
        "aws_s3_bucket_server_side_encryption_configuration",
        bucket,
      ).flatMap((configuration) =>
        blocks(configuration.body.rule).map(
          (rule) => block(rule.apply_server_side_encryption_by_default)?.sse_algorithm,
        ),
      );
      if (algorithms.length === 0) return nonCompliant("has no default encryption configuration");
      if (isAccessLogTarget(context, bucket)) {
        return expectThat(
          algorithms.every((algorithm) => algorithm === "AES256"),
          "receives access logs but is not SSE-S3",
        );
      }
      return expectThat(
        algorithms.every((algorithm) => algorithm === "aws:kms" || algorithm === "aws:kms:dsse"),
        `is encrypted with ${algorithms.join(", ")}, not KMS`,
      );
    },
  },
  {
    id: "LZ-S3-002",
    criteria: ["A1.2", "CC6.1"],
    title: "Buckets are versioned",
    fix: "Add an aws_s3_bucket_versioning with status Enabled, so overwritten and deleted objects can be recovered.",
    appliesTo: BUCKET,
    check: (bucket, context) =>
      expectThat(
        related(context, "aws_s3_bucket_versioning", bucket).some(
          (versioning) => block(versioning.body.versioning_configuration)?.status === "Enabled",
        ),
        "has no versioning with status Enabled",
      ),
  },
  {
    id: "LZ-S3-003",
    criteria: ["CC6.1", "CC6.6", "C1.1"],
    title: "All four public access blocks are on",
    fix: "Add an aws_s3_bucket_public_access_block with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.",
    appliesTo: BUCKET,
    check: (bucket, context) =>
      expectThat(
        related(context, "aws_s3_bucket_public_access_block", bucket).some(
          ({ body }) =>
            body.block_public_acls === true &&
            body.block_public_policy === true &&
            body.ignore_public_acls === true &&
            body.restrict_public_buckets === true,
        ),
        "does not block all four kinds of public access",
      ),
  },
  {
    id: "LZ-S3-004",
    criteria: ["CC6.7"],
    title: "Bucket policies refuse requests without TLS",
    fix: 'Add a bucket policy statement that denies s3:* when aws:SecureTransport is "false"; SecureBucket does it.',
    appliesTo: BUCKET,
    check: (bucket, context) =>
      expectThat(
        related(context, "aws_s3_bucket_policy", bucket).some((policy) =>
          statementsOf(policy.body.policy).some(
            (statement) =>
              statement.Effect === "Deny" &&
              String(
                (statement.Condition?.Bool as Record<string, unknown> | undefined)?.[
                  "aws:SecureTransport"
                ],
              ) === "false",
          ),
        ),
        "has no policy statement denying insecure transport",
      ),
  },
  {
    id: "LZ-S3-005",
    criteria: ["CC6.1"],
    title: "ACLs are disabled: the bucket owner owns every object",
    fix: "Add an aws_s3_bucket_ownership_controls with object_ownership BucketOwnerEnforced.",
    appliesTo: BUCKET,
    check: (bucket, context) =>
      expectThat(
        related(context, "aws_s3_bucket_ownership_controls", bucket).some(
          (controls) => block(controls.body.rule)?.object_ownership === "BucketOwnerEnforced",
        ),
        "does not enforce bucket-owner ownership",
      ),
  },
  {
    id: "LZ-S3-006",
    criteria: ["CC7.2"],
    title: "Requests to buckets are logged",
    fix: "Add an aws_s3_bucket_logging that targets an AccessLogBucket; log targets themselves are exempt.",
    appliesTo: BUCKET,
    check(bucket, context) {
      if (isAccessLogTarget(context, bucket)) return NOT_APPLICABLE;
      return expectThat(
        related(context, "aws_s3_bucket_logging", bucket).length > 0,
        "has no server access logging",
      );
    },
  },
  {
    id: "LZ-S3-007",
    criteria: ["C1.2", "A1.2"],
    title: "Buckets have a lifecycle that bounds how long data and old versions are kept",
    fix: "Add an aws_s3_bucket_lifecycle_configuration with at least one Enabled rule.",
    appliesTo: BUCKET,
    check: (bucket, context) =>
      expectThat(
        related(context, "aws_s3_bucket_lifecycle_configuration", bucket).some((lifecycle) =>
          blocks(lifecycle.body.rule).some((rule) => rule.status === "Enabled"),
        ),
        "has no enabled lifecycle rule",
      ),
  },
  {
    id: "LZ-S3-008",
    criteria: ["CC7.2", "A1.2"],
    title: "Audit-log and evidence buckets are immutable: object lock in compliance mode",
    fix: `Buckets tagged ${AUDIT_LOG_BUCKET_TAG.key}=${AUDIT_LOG_BUCKET_TAG.value} or ${AUDIT_EVIDENCE_BUCKET_TAG.key}=${AUDIT_EVIDENCE_BUCKET_TAG.value} need object_lock_enabled and an aws_s3_bucket_object_lock_configuration in COMPLIANCE mode.`,
    appliesTo: BUCKET,
    check(bucket, context) {
      const records = auditRecordsIn(bucket);
      if (!records) return NOT_APPLICABLE;
      if (bucket.body.object_lock_enabled !== true)
        return nonCompliant(`holds ${records} but object lock is not enabled`);
      const modes = related(context, "aws_s3_bucket_object_lock_configuration", bucket).map(
        (lock) => block(block(lock.body.rule)?.default_retention)?.mode,
      );
      return modes.includes("COMPLIANCE")
        ? COMPLIANT
        : nonCompliant("has no default retention in COMPLIANCE mode");
    },
  },
];
