import { exampleSynth } from "../helpers/example-synth";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
let stack: StackJson;
/** The one resource of `type` in the state bucket (or its key), or in its access-log bucket. */
const only = (type: string, owner: "state" | "access-logs" = "state") => {
  const all = Object.entries(out.resources("bootstrap", type))
    .filter(([address]) => address.startsWith("state-access-logs") === (owner === "access-logs"))
    .map(([, resource]) => resource);
  expect(all).toHaveLength(1);
  return all[0];
};

beforeAll(() => {
  out = exampleSynth();
  stack = out.stack("bootstrap");
});

test("keeps its own state locally, outside the output folder that each synth replaces", () => {
  expect(stack.terraform.backend).toEqual({
    local: { path: "../../../terraform.bootstrap.tfstate" },
  });
});

test("runs in the management account, in the state bucket's region", () => {
  expect(stack.provider.aws[0]).toMatchObject({
    region: "us-east-1",
    allowed_account_ids: ["111122223333"],
  });
  expect(stack.provider.aws[0].assume_role).toBeUndefined();
});

test("encrypts state with a rotating customer-managed key that cannot be destroyed", () => {
  const key = only("aws_kms_key");
  expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
  expect(key.lifecycle).toEqual({ prevent_destroy: true });
  const policy = JSON.parse(key.policy);
  expect(policy.Statement).toEqual([
    expect.objectContaining({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
    }),
  ]);
  expect(only("aws_kms_alias").name).toBe("alias/nwh/terraform-state");
  const encryption = only("aws_s3_bucket_server_side_encryption_configuration").rule[0];
  expect(encryption.apply_server_side_encryption_by_default).toEqual({
    sse_algorithm: "aws:kms",
    kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/),
  });
  expect(encryption.bucket_key_enabled).toBe(true);
});

test("the state bucket is versioned, private, owner-enforced and protected from destroy", () => {
  const bucket = only("aws_s3_bucket");
  expect(bucket).toMatchObject({
    bucket: "nwh-terraform-state-111122223333",
    force_destroy: false,
  });
  expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
  expect(only("aws_s3_bucket_versioning").versioning_configuration).toEqual({ status: "Enabled" });
  expect(only("aws_s3_bucket_public_access_block")).toMatchObject({
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
  });
  expect(only("aws_s3_bucket_ownership_controls").rule).toEqual({
    object_ownership: "BucketOwnerEnforced",
  });
  const lifecycle = only("aws_s3_bucket_lifecycle_configuration").rule[0];
  expect(lifecycle.noncurrent_version_expiration).toEqual([{ noncurrent_days: 365 }]);
});

test("the bucket policy refuses plain HTTP and old TLS for everyone", () => {
  const policy = JSON.parse(only("aws_s3_bucket_policy").policy);
  const resources = [
    "arn:aws:s3:::nwh-terraform-state-111122223333",
    "arn:aws:s3:::nwh-terraform-state-111122223333/*",
  ];
  expect(policy.Statement).toEqual([
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: resources,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOutdatedTls",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: resources,
      Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
    },
  ]);
});

test("the state bucket logs every request to an SSE-S3 access-log bucket that only S3 log delivery can write", () => {
  const logBucket = only("aws_s3_bucket", "access-logs");
  expect(logBucket).toMatchObject({
    bucket: "nwh-terraform-state-111122223333-access-logs",
    lifecycle: { prevent_destroy: true },
  });
  const logging = only("aws_s3_bucket_logging");
  expect(logging.target_bucket).toMatch(/^\$\{aws_s3_bucket\.state-access-logs_.+\.id\}$/);
  expect(only("aws_s3_bucket_server_side_encryption_configuration", "access-logs").rule[0]).toEqual(
    {
      apply_server_side_encryption_by_default: { sse_algorithm: "AES256" },
    },
  );
  const delivery = JSON.parse(only("aws_s3_bucket_policy", "access-logs").policy).Statement.find(
    (statement: { Sid: string }) => statement.Sid === "AllowS3ServerAccessLogDelivery",
  );
  expect(delivery).toEqual({
    Sid: "AllowS3ServerAccessLogDelivery",
    Effect: "Allow",
    Principal: { Service: "logging.s3.amazonaws.com" },
    Action: "s3:PutObject",
    Resource: "arn:aws:s3:::nwh-terraform-state-111122223333-access-logs/*",
    Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
  });
  expect(only("aws_s3_bucket_lifecycle_configuration", "access-logs").rule[0].expiration).toEqual([
    { days: 365 },
  ]);
});

test("matches the snapshot of the example organization", () => {
  expect(stack).toMatchSnapshot();
});
