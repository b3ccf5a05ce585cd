import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { policyDocument, renderPolicy } from "../iam/policy-document";
import { privateVersionedBucket } from "./private-bucket";
import { tlsOnlyStatements } from "./tls-only-policy";

export const ACCESS_LOGGING_CONTROL = defineControl({
  id: "s3-access-logging",
  description:
    "Every request to a protected bucket is logged to a private, versioned, TLS-only log bucket that keeps logs for a retention period",
  criteria: ["CC7.2", "CC6.1"],
});

export interface AccessLogBucketProps {
  readonly bucketName: string;
  readonly partition: string;
  /** Account whose buckets log here: S3's log delivery is accepted from it alone. */
  readonly sourceAccountId: string;
  /**
   * Days logs are kept before they expire.
   * @default 365
   */
  readonly retentionDays?: number;
}

/**
 * The target of S3 server access logs. S3 delivers these logs only to buckets encrypted with
 * SSE-S3, so this bucket uses it instead of KMS; everything else is as strict as a SecureBucket.
 */
export class AccessLogBucket extends Construct {
  readonly bucket: S3Bucket;
  /** S3 checks it when a bucket's logging is pointed here: logging must wait for it. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps) {
    super(scope, id);
    implementsControl(this, ACCESS_LOGGING_CONTROL);
    const retentionDays = props.retentionDays ?? 365;
    this.bucket = privateVersionedBucket(this, { bucketName: props.bucketName });
    const bucket = this.bucket.id;
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    const bucketArn = `arn:${props.partition}:s3:::${props.bucketName}`;
    this.policy = new S3BucketPolicy(this, "policy", {
      bucket,
      // The grant comes first only for the AWS API emulator, whose check of a logging target
      // stops at the first statement with a "*" principal; AWS reads statements in any order.
      policy: renderPolicy(
        policyDocument(
          {
            Sid: "AllowS3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/*`,
            Condition: { StringEquals: { "aws:SourceAccount": props.sourceAccountId } },
          },
          ...tlsOnlyStatements(bucketArn),
        ),
      ),
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{}],
          expiration: [{ days: retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
  }
}
