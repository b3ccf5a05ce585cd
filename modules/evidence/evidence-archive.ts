import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { AUDIT_EVIDENCE_BUCKET_TAG } from "../../contracts/tags";
import { KmsKey } from "../kms/kms-key";
import type { AccessLogBucket } from "../storage/access-log-bucket";
import { SecureBucket } from "../storage/secure-bucket";
import { evidenceBucketStatements, evidenceKeyPolicy } from "./evidence-archive-policies";

const EVIDENCE_ARCHIVE_CONTROL = defineControl({
  id: "evidence-archive",
  description:
    "Evidence of the controls' operation is kept in the log archive account, written only by the evidence workflow's role, immutable for the retention period (S3 Object Lock, compliance mode) and deletable by nobody",
  criteria: ["CC4.1", "CC7.2", "CC6.1"],
});

export interface EvidenceArchiveProps {
  readonly bucketName: string;
  /** Alias of the bucket's key, without alias/, under the prefix the guardrails protect. */
  readonly keyAlias: string;
  readonly partition: string;
  /** The region of the stack's provider, where the bucket and key are made. */
  readonly region: string;
  /** The account the stack's provider reaches: it owns the bucket and key. */
  readonly ownerAccountId: string;
  /** The account of the role that writes evidence. */
  readonly collectorAccountId: string;
  /** The one role that may write evidence; it may exist after the bucket. */
  readonly collectorRoleName: string;
  /** Days each snapshot is immutable, for everyone, the root user included. */
  readonly retentionDays: number;
  /** Where S3 server access logs of the bucket go. */
  readonly accessLogs: AccessLogBucket;
}

/**
 * The bucket audit evidence snapshots are uploaded to, with its own key: a SecureBucket with
 * Object Lock in compliance mode, that only the evidence collector's role may write and nobody may
 * delete from. Overwritten versions are kept at least as long as the lock; current snapshots are
 * kept until a reviewed change adds an expiry.
 */
export class EvidenceArchive extends Construct {
  constructor(scope: Construct, id: string, props: EvidenceArchiveProps) {
    super(scope, id);
    implementsControl(this, EVIDENCE_ARCHIVE_CONTROL);
    const { retentionDays } = props;
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 36500) {
      throw new Error(
        `retentionDays must be a whole number of days from 1 to 36500 (S3 Object Lock's range), got ${retentionDays}`,
      );
    }
    const parties = {
      partition: props.partition,
      region: props.region,
      bucketName: props.bucketName,
      ownerAccountId: props.ownerAccountId,
      collectorAccountId: props.collectorAccountId,
      collectorRoleName: props.collectorRoleName,
    };
    const key = new KmsKey(this, "key", {
      alias: props.keyAlias,
      description: "Encrypts the audit evidence snapshots in the evidence bucket",
      policy: evidenceKeyPolicy(parties),
    });
    new SecureBucket(this, "bucket", {
      bucketName: props.bucketName,
      partition: props.partition,
      kmsKey: key,
      accessLogs: props.accessLogs,
      objectLockDays: retentionDays,
      noncurrentVersionRetentionDays: retentionDays,
      tags: { [AUDIT_EVIDENCE_BUCKET_TAG.key]: AUDIT_EVIDENCE_BUCKET_TAG.value },
      additionalPolicyStatements: evidenceBucketStatements(parties),
    });
  }
}
