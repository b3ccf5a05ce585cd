import { findControls } from "../../../compliance/controls/control";
import { accountRootKeyPolicy } from "../../../modules/kms/account-root-key-policy";
import { KmsKey } from "../../../modules/kms/kms-key";
import { AccessLogBucket } from "../../../modules/storage/access-log-bucket";
import { SECURE_BUCKET_CONTROL, SecureBucket } from "../../../modules/storage/secure-bucket";
import type { SecureBucketProps } from "../../../modules/storage/secure-bucket";
import { ruleViolations } from "../../helpers/rule-violations";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { Construct } from "constructs";

const ACCOUNT = "111122223333";

type Options = Partial<Omit<SecureBucketProps, "kmsKey" | "accessLogs">>;

/** A SecureBucket "data" with its key and access-log bucket "logs", as the stacks build it. */
function build(scope: Construct, options: Options = {}): SecureBucket {
  const kmsKey = new KmsKey(scope, "key", {
    alias: "nwh/data",
    description: "Encrypts the data bucket",
    policy: accountRootKeyPolicy("aws", ACCOUNT),
  });
  const accessLogs = new AccessLogBucket(scope, "logs", {
    bucketName: "nwh-data-access-logs",
    partition: options.partition ?? "aws",
    sourceAccountId: ACCOUNT,
  });
  return new SecureBucket(scope, "data", {
    bucketName: "nwh-data",
    partition: "aws",
    kmsKey,
    accessLogs,
    ...options,
  });
}

const synthBucket = (options: Options = {}) => synthConstruct((scope) => build(scope, options));
/** The data bucket's one resource of a type (the access-log bucket has its own). */
const ofData = (json: ReturnType<typeof synthConstruct>, type: string) =>
  resourceNamed(json, type, "data_");

describe("validation", () => {
  test.each([0, 2.5, -30])(
    "%p days of noncurrent-version retention is refused with the value",
    (days) => {
      expect(() => synthBucket({ noncurrentVersionRetentionDays: days })).toThrow(
        `noncurrentVersionRetentionDays must be a whole number of days, at least 1, got ${days}`,
      );
    },
  );

  test.each([
    [365, 365],
    [400, 365],
  ])(
    "archiving after %p days but expiring after %p is refused with both values",
    (glacier, expire) => {
      expect(() =>
        synthBucket({ archive: { transitionToGlacierDays: glacier, expireAfterDays: expire } }),
      ).toThrow(
        `archive.transitionToGlacierDays must be less than expireAfterDays, got ${glacier} and ${expire}`,
      );
    },
  );
});

describe("defaults", () => {
  let json: ReturnType<typeof synthConstruct>;
  beforeAll(() => {
    json = synthBucket();
  });

  test("every rule of the guardrail pack passes, for the bucket and its access-log bucket", () => {
    expect(Object.keys(resourcesOf(json, "aws_s3_bucket"))).toHaveLength(2);
    expect(ruleViolations(json)).toEqual([]);
  });

  test("objects are encrypted with the given KMS key, through an S3 bucket key", () => {
    expect(ofData(json, "aws_s3_bucket_server_side_encryption_configuration").rule).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: "aws:kms",
          kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.key_[0-9A-F]+\.arn\}$/),
        },
        bucket_key_enabled: true,
      },
    ]);
  });

  test("requests are logged under the bucket's name, once the log bucket's policy admits delivery", () => {
    const logging = ofData(json, "aws_s3_bucket_logging");
    expect(logging).toMatchObject({
      target_bucket: expect.stringMatching(/^\$\{aws_s3_bucket\.logs_bucket_[0-9A-F]+\.id\}$/),
      target_prefix: "nwh-data/",
    });
    expect(logging.depends_on).toEqual([
      expect.stringMatching(/^aws_s3_bucket_policy\.logs_policy_[0-9A-F]+$/),
    ]);
  });

  test("the policy is the TLS-only denials on this bucket's ARN, and nothing more", () => {
    const policy = parsedPolicy(ofData(json, "aws_s3_bucket_policy").policy);
    expect(policy.Statement.map((statement) => [statement.Sid, statement.Resource])).toEqual([
      ["DenyInsecureTransport", ["arn:aws:s3:::nwh-data", "arn:aws:s3:::nwh-data/*"]],
      ["DenyOutdatedTls", ["arn:aws:s3:::nwh-data", "arn:aws:s3:::nwh-data/*"]],
    ]);
  });

  test("old versions expire after a year and stale uploads after a week; current objects are kept", () => {
    expect(ofData(json, "aws_s3_bucket_lifecycle_configuration").rule).toEqual([
      {
        id: "expire-noncurrent-versions",
        status: "Enabled",
        filter: [{}],
        noncurrent_version_expiration: [{ noncurrent_days: 365 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
  });

  test("no object lock, and the bucket can't be destroyed", () => {
    expect(ofData(json, "aws_s3_bucket")).not.toHaveProperty("object_lock_enabled");
    expect(ofData(json, "aws_s3_bucket").lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(json, "aws_s3_bucket_object_lock_configuration")).toEqual({});
  });
});

test("additional statements follow the TLS-only denials, which always come first", () => {
  const json = synthBucket({
    partition: "aws-us-gov",
    additionalPolicyStatements: [
      {
        Sid: "AllowReportDelivery",
        Effect: "Allow",
        Principal: { Service: "reports.example.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: "arn:aws-us-gov:s3:::nwh-data/*",
      },
    ],
  });
  const statements = parsedPolicy(ofData(json, "aws_s3_bucket_policy").policy).Statement;
  expect(statements.map((statement) => statement.Sid)).toEqual([
    "DenyInsecureTransport",
    "DenyOutdatedTls",
    "AllowReportDelivery",
  ]);
  expect(statements[0].Resource).toEqual([
    "arn:aws-us-gov:s3:::nwh-data",
    "arn:aws-us-gov:s3:::nwh-data/*",
  ]);
});

test("objectLockDays makes every version immutable in compliance mode, which audit-log buckets need", () => {
  const json = synthBucket({ objectLockDays: 400, tags: { DataPurpose: "audit-logs" } });
  expect(ofData(json, "aws_s3_bucket")).toMatchObject({
    object_lock_enabled: true,
    tags: { DataPurpose: "audit-logs" },
  });
  expect(ofData(json, "aws_s3_bucket_object_lock_configuration").rule).toEqual({
    default_retention: { mode: "COMPLIANCE", days: 400 },
  });
  expect(ruleViolations(json)).toEqual([]);
});

test("noncurrentVersionRetentionDays and archive set the lifecycle", () => {
  const json = synthBucket({
    noncurrentVersionRetentionDays: 30,
    archive: { transitionToGlacierDays: 90, expireAfterDays: 2555 },
  });
  const [noncurrent, archive] = ofData(json, "aws_s3_bucket_lifecycle_configuration").rule;
  expect(noncurrent.noncurrent_version_expiration).toEqual([{ noncurrent_days: 30 }]);
  expect(archive).toEqual({
    id: "archive-then-expire",
    status: "Enabled",
    filter: [{}],
    transition: [{ days: 90, storage_class: "GLACIER" }],
    expiration: [{ days: 2555 }],
  });
});

test("declares the secure-bucket control, for the evidence", () => {
  let bucket: SecureBucket | undefined;
  synthConstruct((scope) => {
    bucket = build(scope);
  });
  expect(findControls(bucket!)).toEqual([
    { control: SECURE_BUCKET_CONTROL, constructPath: bucket!.node.path },
  ]);
});
