import type { Construct } from "constructs";
import { findControls } from "../../../compliance/controls/control";
import { EvidenceArchive } from "../../../modules/evidence/evidence-archive";
import type { EvidenceArchiveProps } from "../../../modules/evidence/evidence-archive";
import { AccessLogBucket } from "../../../modules/storage/access-log-bucket";
import { ruleViolations } from "../../helpers/rule-violations";
import { decideUnder } from "../../helpers/simulate-policy";
import {
  parsedPolicy,
  resourceNamed,
  synthConstruct,
  statementWithSid,
} from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const MANAGEMENT = "111122223333";
const LOG_ARCHIVE = "444455556666";
const COLLECTOR = `arn:aws:iam::${MANAGEMENT}:role/acme-evidence`;
const BUCKET_NAME = `acme-evidence-${MANAGEMENT}`;
const BUCKET = `arn:aws:s3:::${BUCKET_NAME}`;
const SNAPSHOT = `${BUCKET}/2026-05/20260601T062300Z/control-matrix.json`;
const KEY = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

type Options = Partial<Omit<EvidenceArchiveProps, "accessLogs">>;

function build(scope: Construct, options: Options = {}): EvidenceArchive {
  const accessLogs = new AccessLogBucket(scope, "access-logs", {
    bucketName: "acme-log-archive-access-logs",
    partition: "aws",
    sourceAccountId: LOG_ARCHIVE,
  });
  return new EvidenceArchive(scope, "evidence", {
    bucketName: BUCKET_NAME,
    keyAlias: "acme/evidence",
    partition: "aws",
    region: "us-east-1",
    ownerAccountId: LOG_ARCHIVE,
    collectorAccountId: MANAGEMENT,
    collectorRoleName: "acme-evidence",
    retentionDays: 400,
    accessLogs,
    ...options,
  });
}

let json: StackJson;
let made: EvidenceArchive;
beforeAll(() => {
  json = synthConstruct((scope) => {
    made = build(scope);
  });
});

const ofEvidence = (type: string) => resourceNamed(json, type, "evidence_");
const bucketPolicy = () => parsedPolicy(ofEvidence("aws_s3_bucket_policy").policy);
const keyPolicy = () => parsedPolicy(ofEvidence("aws_kms_key").policy);
const onBucket = (principal: string, action: string, resource = SNAPSHOT) =>
  decideUnder(bucketPolicy(), {
    principal,
    action,
    resource,
    resourceAccount: LOG_ARCHIVE,
    context: { "aws:SecureTransport": "true" },
  });

test("every guardrail rule passes: KMS, versioning, public access, TLS, ownership, logging, lifecycle, object lock", () => {
  expect(ruleViolations(json)).toEqual([]);
});

test("the bucket is named as given, tagged as audit evidence, and Terraform refuses to destroy it", () => {
  expect(ofEvidence("aws_s3_bucket")).toMatchObject({
    bucket: BUCKET_NAME,
    object_lock_enabled: true,
    force_destroy: false,
    tags: { DataPurpose: "audit-evidence" },
    lifecycle: { prevent_destroy: true },
  });
});

test("every snapshot is immutable for the retention period, for everyone (compliance mode)", () => {
  expect(ofEvidence("aws_s3_bucket_object_lock_configuration").rule).toEqual({
    default_retention: { mode: "COMPLIANCE", days: 400 },
  });
  // An overwritten snapshot's old version outlives the lock too; current ones never expire.
  const rules = ofEvidence("aws_s3_bucket_lifecycle_configuration").rule;
  expect(rules.map((rule: { id: string }) => rule.id)).toEqual(["expire-noncurrent-versions"]);
  expect(rules[0].noncurrent_version_expiration).toEqual([{ noncurrent_days: 400 }]);
});

test("it is encrypted with its own rotating key, aliased under the prefix the guardrails protect", () => {
  expect(ofEvidence("aws_kms_alias").name).toBe("alias/acme/evidence");
  expect(ofEvidence("aws_kms_key")).toMatchObject({
    enable_key_rotation: true,
    lifecycle: { prevent_destroy: true },
  });
  const [rule] = ofEvidence("aws_s3_bucket_server_side_encryption_configuration").rule;
  expect(rule.apply_server_side_encryption_by_default.kms_master_key_id).toMatch(
    /aws_kms_key\.evidence_key_/,
  );
  expect(ofEvidence("aws_s3_bucket_logging")).toMatchObject({
    target_bucket: expect.stringMatching(/aws_s3_bucket\.access-logs_bucket_/),
    target_prefix: `${BUCKET_NAME}/`,
  });
});

describe("the bucket policy", () => {
  test("lets the collector's role, from the management account, add and read back snapshots", async () => {
    expect(await onBucket(COLLECTOR, "s3:PutObject")).toBe("Allowed");
    expect(await onBucket(COLLECTOR, "s3:GetObject")).toBe("Allowed");
    expect(await onBucket(COLLECTOR, "s3:ListBucket", BUCKET)).toBe("Allowed");
  });

  test.each([
    ["another role of the management account", `arn:aws:iam::${MANAGEMENT}:role/acme-lz-plan`],
    ["an administrator of the log archive account", `arn:aws:iam::${LOG_ARCHIVE}:role/Admin`],
    [
      "a role named like the collector in another account",
      "arn:aws:iam::999988887777:role/acme-evidence",
    ],
  ])("refuses snapshots from %s, whatever its own policies allow", async (_, principal) => {
    expect(await onBucket(principal, "s3:PutObject")).toBe("ExplicitlyDenied");
  });

  test.each([
    ["the collector", COLLECTOR],
    ["an administrator of the log archive account", `arn:aws:iam::${LOG_ARCHIVE}:role/Admin`],
  ])("lets nobody delete a snapshot or a version of it, %s included", async (_, principal) => {
    expect(await onBucket(principal, "s3:DeleteObject")).toBe("ExplicitlyDenied");
    expect(await onBucket(principal, "s3:DeleteObjectVersion")).toBe("ExplicitlyDenied");
  });

  test("keeps the TLS-only denials first", () => {
    expect(bucketPolicy().Statement.map((statement) => statement.Sid)).toEqual([
      "DenyInsecureTransport",
      "DenyOutdatedTls",
      "AllowEvidenceCollectorToWrite",
      "AllowEvidenceCollectorToVerify",
      "DenyWritesByOthers",
      "DenyEvidenceDeletion",
    ]);
  });
});

describe("the key policy", () => {
  const onKey = (principal: string, context: Record<string, string>) =>
    decideUnder(keyPolicy(), {
      principal,
      action: "kms:GenerateDataKey",
      resource: KEY,
      resourceAccount: LOG_ARCHIVE,
      context,
    });
  const throughS3 = { "kms:ViaService": "s3.us-east-1.amazonaws.com" };

  test("lets the collector's role use the key through S3 in the bucket's region only", async () => {
    expect(await onKey(COLLECTOR, throughS3)).toBe("Allowed");
    expect(await onKey(COLLECTOR, {})).not.toBe("Allowed");
    expect(await onKey(COLLECTOR, { "kms:ViaService": "s3.eu-west-1.amazonaws.com" })).not.toBe(
      "Allowed",
    );
    expect(await onKey(`arn:aws:iam::${MANAGEMENT}:role/acme-lz-plan`, throughS3)).not.toBe(
      "Allowed",
    );
  });

  test("leaves the log archive account's IAM policies in charge of the rest", () => {
    expect(
      statementWithSid(keyPolicy().Statement, "EnableIamPoliciesOfOwningAccount"),
    ).toMatchObject({ Principal: { AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` }, Action: "kms:*" });
  });
});

test.each([0, 12.5, 36501])("a retention of %p days is refused with the value", (days) => {
  expect(() => synthConstruct((scope) => build(scope, { retentionDays: days }))).toThrow(
    `retentionDays must be a whole number of days from 1 to 36500 (S3 Object Lock's range), got ${days}`,
  );
});

test("declares the evidence-archive control, beside the bucket's and key's own", () => {
  expect(findControls(made).map((placement) => placement.control.id)).toEqual([
    "evidence-archive",
    "kms-customer-managed-key",
    "secure-bucket",
  ]);
});
