import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { policyDocument, renderPolicy } from "../iam/policy-document";
import type { PolicyStatement } from "../iam/policy-document";
import type { KmsKey } from "../kms/kms-key";
import type { AccessLogBucket } from "./access-log-bucket";
import { privateVersionedBucket } from "./private-bucket";
import { tlsOnlyStatements } from "./tls-only-policy";

export const SECURE_BUCKET_CONTROL = defineControl({
  id: "secure-bucket",
  description:
    "Buckets are private, owner-enforced, TLS-only and KMS-encrypted, with versions kept for a retention period and every request logged",
  criteria: ["CC6.1", "CC6.7", "C1.1", "A1.2"],
});

export interface SecureBucketProps {
  readonly bucketName: string;
  /** ARN partition, for the bucket ARN in its policy. */
  readonly partition: string;
  /** Default encryption key (SSE-KMS with an S3 bucket key, which cuts KMS calls). */
  readonly kmsKey: KmsKey;
  /** Where S3 server access logs of this bucket go. */
  readonly accessLogs: AccessLogBucket;
  /**
   * Statements added to the bucket policy after the TLS-only denials.
   * @default none
   */
  readonly additionalPolicyStatements?: readonly PolicyStatement[];
  /**
   * Days a version is kept after it stops being current.
   * @default 365
   */
  readonly noncurrentVersionRetentionDays?: number;
  /**
   * S3 Object Lock in compliance mode: every object version is immutable for this many days,
   * for everyone, the root user included. Only possible on a new bucket.
   * @default no object lock
   */
  readonly objectLockDays?: number;
  /**
   * Move current objects to Glacier Flexible Retrieval, then expire them.
   * @default current objects are kept until deleted
   */
  readonly archive?: { readonly transitionToGlacierDays: number; readonly expireAfterDays: number };
  /** @default no tags beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An S3 bucket with every safeguard on: SSE-KMS, versioning, all four public access blocks,
 * ACLs disabled (bucket owner enforced), a TLS-only policy, and a lifecycle that keeps old
 * versions for a retention period, with every request logged. Terraform refuses to destroy it.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    implementsControl(this, SECURE_BUCKET_CONTROL);
    const noncurrentDays = props.noncurrentVersionRetentionDays ?? 365;
    if (!Number.isInteger(noncurrentDays) || noncurrentDays < 1) {
      throw new Error(
        `noncurrentVersionRetentionDays must be a whole number of days, at least 1, got ${noncurrentDays}`,
      );
    }
    const { archive, objectLockDays } = props;
    if (archive && archive.transitionToGlacierDays >= archive.expireAfterDays) {
      throw new Error(
        `archive.transitionToGlacierDays must be less than expireAfterDays, got ${archive.transitionToGlacierDays} and ${archive.expireAfterDays}`,
      );
    }
    this.bucket = privateVersionedBucket(this, {
      bucketName: props.bucketName,
      objectLockEnabled: objectLockDays !== undefined ? true : undefined,
      tags: props.tags,
    });
    const bucket = this.bucket.id;
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: props.kmsKey.arn,
          },
          bucketKeyEnabled: true,
        },
      ],
    });
    new S3BucketLoggingA(this, "access-logging", {
      bucket,
      targetBucket: props.accessLogs.bucket.id,
      targetPrefix: `${props.bucketName}/`,
      // S3 refuses a logging target whose policy doesn't yet admit log delivery.
      dependsOn: [props.accessLogs.policy],
    });
    const bucketArn = `arn:${props.partition}:s3:::${props.bucketName}`;
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket,
      policy: renderPolicy(
        policyDocument(
          ...tlsOnlyStatements(bucketArn),
          ...(props.additionalPolicyStatements ?? []),
        ),
      ),
    });
    if (objectLockDays !== undefined) {
      new S3BucketObjectLockConfigurationA(this, "object-lock", {
        bucket,
        rule: { defaultRetention: { mode: "COMPLIANCE", days: objectLockDays } },
      });
    }
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: [{}],
          noncurrentVersionExpiration: [{ noncurrentDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
        ...(archive
          ? [
              {
                id: "archive-then-expire",
                status: "Enabled",
                filter: [{}],
                transition: [{ days: archive.transitionToGlacierDays, storageClass: "GLACIER" }],
                expiration: [{ days: archive.expireAfterDays }],
              },
            ]
          : []),
      ],
    });
  }
}
