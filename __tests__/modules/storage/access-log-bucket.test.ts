import { findControls } from "../../../compliance/controls/control";
import {
  ACCESS_LOGGING_CONTROL,
  AccessLogBucket,
} from "../../../modules/storage/access-log-bucket";
import type { AccessLogBucketProps } from "../../../modules/storage/access-log-bucket";
import { decideUnder } from "../../helpers/simulate-policy";
import {
  parsedPolicy,
  resourceNamed,
  statementWithSid,
  synthConstruct,
} from "../../helpers/synth-construct";

const ACCOUNT = "111122223333";
const PROPS: AccessLogBucketProps = {
  bucketName: "nwh-data-access-logs",
  partition: "aws",
  sourceAccountId: ACCOUNT,
};

const synthLogs = (props: Partial<AccessLogBucketProps> = {}) =>
  synthConstruct((scope) => new AccessLogBucket(scope, "logs", { ...PROPS, ...props }));

describe("defaults", () => {
  let json: ReturnType<typeof synthConstruct>;
  beforeAll(() => {
    json = synthLogs();
  });

  test("is a private, versioned bucket Terraform won't destroy", () => {
    expect(resourceNamed(json, "aws_s3_bucket", "logs_")).toMatchObject({
      bucket: "nwh-data-access-logs",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(resourceNamed(json, "aws_s3_bucket_public_access_block", "logs_")).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(
      resourceNamed(json, "aws_s3_bucket_versioning", "logs_").versioning_configuration,
    ).toEqual({ status: "Enabled" });
  });

  test("is encrypted with SSE-S3, the only encryption S3 delivers access logs to", () => {
    expect(
      resourceNamed(json, "aws_s3_bucket_server_side_encryption_configuration", "logs_").rule,
    ).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
  });

  test("the policy grants log delivery first, then refuses plain HTTP and old TLS", () => {
    const policy = parsedPolicy(resourceNamed(json, "aws_s3_bucket_policy", "logs_").policy);
    expect(policy.Statement.map((statement) => statement.Sid)).toEqual([
      "AllowS3ServerAccessLogDelivery",
      "DenyInsecureTransport",
      "DenyOutdatedTls",
    ]);
    expect(statementWithSid(policy.Statement, "AllowS3ServerAccessLogDelivery")).toEqual({
      Sid: "AllowS3ServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: "arn:aws:s3:::nwh-data-access-logs/*",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
  });

  test("logs expire after a year, their old versions after 30 days, stale uploads after a week", () => {
    expect(resourceNamed(json, "aws_s3_bucket_lifecycle_configuration", "logs_").rule).toEqual([
      {
        id: "expire-access-logs",
        status: "Enabled",
        filter: [{}],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
  });
});

test("retentionDays sets how long logs are kept", () => {
  const json = synthLogs({ retentionDays: 90 });
  expect(
    resourceNamed(json, "aws_s3_bucket_lifecycle_configuration", "logs_").rule[0].expiration,
  ).toEqual([{ days: 90 }]);
});

test("the partition is used in the bucket ARN the policy names", () => {
  const json = synthLogs({ partition: "aws-us-gov" });
  const policy = parsedPolicy(resourceNamed(json, "aws_s3_bucket_policy", "logs_").policy);
  expect(statementWithSid(policy.Statement, "AllowS3ServerAccessLogDelivery").Resource).toBe(
    "arn:aws-us-gov:s3:::nwh-data-access-logs/*",
  );
});

describe("decided by the IAM policy evaluator", () => {
  let policy: object;
  beforeAll(() => {
    policy = parsedPolicy(resourceNamed(synthLogs(), "aws_s3_bucket_policy", "logs_").policy);
  });
  const logDelivery = (action: string, sourceAccount: string) =>
    decideUnder(policy, {
      principal: "logging.s3.amazonaws.com",
      action,
      resource: "arn:aws:s3:::nwh-data-access-logs/nwh-data/2025-12-01-00-00-00-ABCDEF",
      resourceAccount: ACCOUNT,
      context: {
        "aws:SourceAccount": sourceAccount,
        "aws:SecureTransport": "true",
        "s3:TlsVersion": "1.2",
      },
    });

  test("S3 may deliver logs of the source account's buckets", async () => {
    expect(await logDelivery("s3:PutObject", ACCOUNT)).toBe("Allowed");
  });

  test("S3 may not deliver logs of another account's buckets, nor read the logs", async () => {
    expect(await logDelivery("s3:PutObject", "999988887777")).toBe("ImplicitlyDenied");
    expect(await logDelivery("s3:GetObject", ACCOUNT)).toBe("ImplicitlyDenied");
  });
});

test("declares the access-logging control, for the evidence", () => {
  let logs: AccessLogBucket | undefined;
  synthConstruct((scope) => {
    logs = new AccessLogBucket(scope, "logs", PROPS);
  });
  expect(findControls(logs!)).toEqual([
    { control: ACCESS_LOGGING_CONTROL, constructPath: logs!.node.path },
  ]);
});
