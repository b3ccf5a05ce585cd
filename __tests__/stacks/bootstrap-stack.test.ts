import { synthLandingZone } from "../helpers/synth";
import type { StackJson, SynthOutput } from "../helpers/synth";

let out: SynthOutput;
let stack: StackJson;
const only = (type: string) => {
  const all = Object.values(out.resources("bootstrap", type));
  expect(all).toHaveLength(1);
  return all[0];
};

beforeAll(() => {
  out = synthLandingZone();
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

test("matches the snapshot of the example organization", () => {
  expect(stack).toMatchSnapshot();
});
