import { owningAccountStatement } from "../kms/key-policy-statements";
import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument, PolicyStatement } from "../iam/policy-document";

/** Who is who in the evidence bucket's and key's policies. */
export interface EvidenceArchiveParties {
  readonly partition: string;
  /** The bucket's and key's region: S3 uses the key from there. */
  readonly region: string;
  readonly bucketName: string;
  /** The account that owns the bucket and key (the log archive account). */
  readonly ownerAccountId: string;
  /** The account of the evidence collector's role (the management account). */
  readonly collectorAccountId: string;
  /** The one role that writes evidence. */
  readonly collectorRoleName: string;
}

function collectorRoleArn(parties: EvidenceArchiveParties): string {
  return `arn:${parties.partition}:iam::${parties.collectorAccountId}:role/${parties.collectorRoleName}`;
}

/**
 * The collector's role is named by condition on its account, not as the principal itself: S3 and
 * KMS refuse a policy naming a role that doesn't exist yet, and the role lives in another stack.
 */
function asCollector(parties: EvidenceArchiveParties) {
  return {
    Principal: { AWS: `arn:${parties.partition}:iam::${parties.collectorAccountId}:root` },
    Condition: { ArnEquals: { "aws:PrincipalArn": collectorRoleArn(parties) } },
  };
}

/**
 * The collector's role may add snapshots and read them back, nothing more; nobody else may add
 * any, and nobody at all may delete one (Object Lock covers the retention period; this, after it).
 */
export function evidenceBucketStatements(parties: EvidenceArchiveParties): PolicyStatement[] {
  const bucketArn = `arn:${parties.partition}:s3:::${parties.bucketName}`;
  const objects = `${bucketArn}/*`;
  return [
    {
      Sid: "AllowEvidenceCollectorToWrite",
      Effect: "Allow",
      ...asCollector(parties),
      Action: "s3:PutObject",
      Resource: objects,
    },
    {
      Sid: "AllowEvidenceCollectorToVerify",
      Effect: "Allow",
      ...asCollector(parties),
      Action: ["s3:GetObject", "s3:GetObjectRetention", "s3:ListBucket"],
      Resource: [bucketArn, objects],
    },
    {
      Sid: "DenyWritesByOthers",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: objects,
      Condition: { ArnNotEquals: { "aws:PrincipalArn": collectorRoleArn(parties) } },
    },
    {
      Sid: "DenyEvidenceDeletion",
      Effect: "Deny",
      Principal: "*",
      Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
      Resource: objects,
    },
  ];
}

/**
 * The evidence key: the owning account's IAM policies govern it; the collector's role may use it
 * only through S3 in the bucket's region, to write snapshots (GenerateDataKey) and to read them
 * back or complete a multipart upload (Decrypt).
 */
export function evidenceKeyPolicy(parties: EvidenceArchiveParties): PolicyDocument {
  const collector = asCollector(parties);
  return policyDocument(owningAccountStatement(parties.partition, parties.ownerAccountId), {
    Sid: "AllowEvidenceCollectorThroughS3",
    Effect: "Allow",
    Principal: collector.Principal,
    Action: ["kms:GenerateDataKey", "kms:Decrypt"],
    Resource: "*",
    Condition: {
      ...collector.Condition,
      StringEquals: { "kms:ViaService": `s3.${parties.region}.amazonaws.com` },
    },
  });
}
