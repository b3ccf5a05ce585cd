import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { Construct } from "constructs";

export interface PrivateBucketOptions {
  readonly bucketName: string;
  /** @default no object lock */
  readonly objectLockEnabled?: boolean;
  /** @default no tags beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * What every landing-zone bucket shares, created in `scope`: a bucket Terraform won't destroy,
 * all four public access blocks, ACLs disabled (bucket owner enforced) and versioning.
 */
export function privateVersionedBucket(scope: Construct, options: PrivateBucketOptions): S3Bucket {
  const created = new S3Bucket(scope, "bucket", {
    bucket: options.bucketName,
    forceDestroy: false,
    objectLockEnabled: options.objectLockEnabled,
    tags: options.tags ? { ...options.tags } : undefined,
    lifecycle: { preventDestroy: true },
  });
  const bucket = created.id;
  new S3BucketPublicAccessBlock(scope, "public-access-block", {
    bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, "ownership", {
    bucket,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  new S3BucketVersioningA(scope, "versioning", {
    bucket,
    versioningConfiguration: { status: "Enabled" },
  });
  return created;
}
