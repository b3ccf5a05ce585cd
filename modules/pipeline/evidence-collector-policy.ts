import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";

export interface EvidenceCollectorPolicyProps {
  readonly partition: string;
  /** The evidence bucket's region: S3 uses its key from there. */
  readonly region: string;
  readonly bucketName: string;
  /** The read role in every member account. */
  readonly readRoleName: string;
}

/**
 * What the evidence collector may do beyond reading its own account: read every member account
 * through its read role, add snapshots to the evidence bucket and read them back (no deletion),
 * and use the bucket's key only through S3, for that bucket.
 */
export function evidenceCollectorPolicy(props: EvidenceCollectorPolicyProps): PolicyDocument {
  const bucketArn = `arn:${props.partition}:s3:::${props.bucketName}`;
  return policyDocument(
    {
      Sid: "ReadMemberAccounts",
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Resource: `arn:${props.partition}:iam::*:role/${props.readRoleName}`,
    },
    {
      Sid: "WriteEvidence",
      Effect: "Allow",
      Action: "s3:PutObject",
      Resource: `${bucketArn}/*`,
    },
    {
      Sid: "VerifyEvidence",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectRetention", "s3:ListBucket"],
      Resource: [bucketArn, `${bucketArn}/*`],
    },
    {
      // The key lives in the log archive account, whose id this stack may not know: it is named
      // by the bucket it encrypts (with S3 Bucket Keys, the context is the bucket's ARN).
      Sid: "UseEvidenceKeyThroughS3",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": `s3.${props.region}.amazonaws.com` },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": [bucketArn, `${bucketArn}/*`] },
      },
    },
  );
}
