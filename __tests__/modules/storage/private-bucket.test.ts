import { privateVersionedBucket } from "../../../modules/storage/private-bucket";
import type { PrivateBucketOptions } from "../../../modules/storage/private-bucket";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const synthBucket = (options: PrivateBucketOptions) =>
  synthConstruct((scope) => {
    privateVersionedBucket(scope, options);
  });

test("the bucket is kept: Terraform refuses to destroy it, and never empties it to delete it", () => {
  const json = synthBucket({ bucketName: "nwh-data" });
  expect(resourceNamed(json, "aws_s3_bucket", "bucket")).toEqual({
    bucket: "nwh-data",
    force_destroy: false,
    lifecycle: { prevent_destroy: true },
  });
});

test("all four public access blocks, bucket-owner-enforced ownership and versioning apply to that bucket", () => {
  const json = synthBucket({ bucketName: "nwh-data" });
  const bucketId = "${aws_s3_bucket.bucket.id}";
  expect(Object.values(resourcesOf(json, "aws_s3_bucket_public_access_block"))).toEqual([
    {
      bucket: bucketId,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    },
  ]);
  expect(Object.values(resourcesOf(json, "aws_s3_bucket_ownership_controls"))).toEqual([
    { bucket: bucketId, rule: { object_ownership: "BucketOwnerEnforced" } },
  ]);
  expect(Object.values(resourcesOf(json, "aws_s3_bucket_versioning"))).toEqual([
    { bucket: bucketId, versioning_configuration: { status: "Enabled" } },
  ]);
});

test("the resource ids are the ones every landing-zone bucket's Terraform address is made of", () => {
  const json = synthBucket({ bucketName: "nwh-data" });
  expect(
    Object.entries(json.resource as Record<string, object>)
      .flatMap(([type, resources]) => Object.keys(resources).map((id) => `${type}.${id}`))
      .sort(),
  ).toEqual([
    "aws_s3_bucket.bucket",
    "aws_s3_bucket_ownership_controls.ownership",
    "aws_s3_bucket_public_access_block.public-access-block",
    "aws_s3_bucket_versioning.versioning",
  ]);
});

test("object lock and tags are passed through when asked for", () => {
  const json = synthBucket({
    bucketName: "nwh-audit",
    objectLockEnabled: true,
    tags: { DataPurpose: "audit-logs" },
  });
  expect(resourceNamed(json, "aws_s3_bucket", "bucket")).toMatchObject({
    object_lock_enabled: true,
    tags: { DataPurpose: "audit-logs" },
  });
});
