import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import {
  BACKUP_REPORTING_CONTROL,
  BackupReporting,
} from "../../../modules/backup/backup-reporting";
import type { BackupReportingProps } from "../../../modules/backup/backup-reporting";
import { ruleViolations } from "../../helpers/rule-violations";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  statementWithSid,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { Construct } from "constructs";

const AUDIT = "222233334444";
const MANAGEMENT = "111122223333";

/** BackupReporting in the audit account, with the management account's provider and delegation. */
function build(scope: Construct, props: Partial<BackupReportingProps> = {}): BackupReporting {
  const management = new AwsProvider(scope, "management", {
    alias: "management",
    region: "us-east-1",
  });
  const delegation = new OrganizationsDelegatedAdministrator(scope, "delegate-backup", {
    provider: management,
    accountId: AUDIT,
    servicePrincipal: "backup.amazonaws.com",
  });
  return new BackupReporting(scope, "reporting", {
    namePrefix: "nwh",
    partition: "aws",
    homeRegion: "us-east-1",
    regions: ["us-east-1", "us-west-2"],
    auditAccountId: AUDIT,
    managementAccountId: MANAGEMENT,
    rootId: "r-ab12",
    delegation,
    management,
    ...props,
  });
}

type Json = ReturnType<typeof synthConstruct>;
let json: Json;
beforeAll(() => {
  json = synthConstruct((scope) => build(scope));
});

const REPORTS_ROLE_ARN =
  /^\$\{aws_iam_service_linked_role\.reporting_reports-service-linked-role_[0-9A-F]+\.arn\}$/;

test("every rule of the guardrail pack passes", () => {
  expect(ruleViolations(json)).toEqual([]);
});

test("cross-account monitoring is switched on in the management account", () => {
  expect(Object.values(resourcesOf(json, "aws_backup_global_settings"))).toEqual([
    { provider: "aws.management", global_settings: { isCrossAccountBackupEnabled: "true" } },
  ]);
});

test("Backup Audit Manager's service-linked role is made in the audit account; the policies refer to it, so it exists first", () => {
  const [role] = Object.values(resourcesOf(json, "aws_iam_service_linked_role"));
  expect(role).toMatchObject({ aws_service_name: "reports.backup.amazonaws.com" });
  expect(role).not.toHaveProperty("provider");
});

test("the reports key is the audit account's, and lets the reports role encrypt with it", () => {
  const key = resourceNamed(json, "aws_kms_key", "reporting_key_");
  const statements = parsedPolicy(key.policy as string).Statement;
  expect(statementWithSid(statements, "EnableIamPoliciesOfOwningAccount").Principal).toEqual({
    AWS: `arn:aws:iam::${AUDIT}:root`,
  });
  expect(statementWithSid(statements, "AllowBackupReports")).toEqual({
    Sid: "AllowBackupReports",
    Effect: "Allow",
    Principal: { AWS: expect.stringMatching(REPORTS_ROLE_ARN) },
    Action: ["kms:GenerateDataKey*", "kms:Encrypt"],
    Resource: "*",
  });
  expect(statements).toHaveLength(2);
  expect(resourceNamed(json, "aws_kms_alias", "reporting_key_").name).toBe(
    "alias/nwh/backup-reports",
  );
});

test("reports go to a secure bucket that the reports role may write to, archived after 90 days and kept 7 years", () => {
  const bucket = resourceNamed(json, "aws_s3_bucket", "reporting_bucket_");
  expect(bucket.bucket).toBe(`nwh-backup-reports-${MANAGEMENT}`);
  expect(
    resourceNamed(json, "aws_s3_bucket_server_side_encryption_configuration", "reporting_bucket_")
      .rule[0].apply_server_side_encryption_by_default,
  ).toEqual({
    sse_algorithm: "aws:kms",
    kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.reporting_key_[0-9A-F]+\.arn\}$/),
  });
  const statements = parsedPolicy(
    resourceNamed(json, "aws_s3_bucket_policy", "reporting_bucket_").policy as string,
  ).Statement;
  expect(statements.map((statement) => statement.Sid)).toEqual([
    "DenyInsecureTransport",
    "DenyOutdatedTls",
    "AllowBackupReportsDelivery",
  ]);
  expect(statementWithSid(statements, "AllowBackupReportsDelivery")).toEqual({
    Sid: "AllowBackupReportsDelivery",
    Effect: "Allow",
    Principal: { AWS: expect.stringMatching(REPORTS_ROLE_ARN) },
    Action: "s3:PutObject",
    Resource: `arn:aws:s3:::nwh-backup-reports-${MANAGEMENT}/*`,
  });
  const archive = resourceNamed(
    json,
    "aws_s3_bucket_lifecycle_configuration",
    "reporting_bucket_",
  ).rule.find((rule: { id: string }) => rule.id === "archive-then-expire");
  expect(archive).toMatchObject({
    transition: [{ days: 90, storage_class: "GLACIER" }],
    expiration: [{ days: 2555 }],
  });
});

test("requests to the reports bucket are logged to an access-log bucket that takes logs from the audit account", () => {
  const logBucket = resourceNamed(json, "aws_s3_bucket", "reporting_access-logs_");
  expect(logBucket.bucket).toBe(`nwh-backup-reports-access-logs-${MANAGEMENT}`);
  const delivery = statementWithSid(
    parsedPolicy(
      resourceNamed(json, "aws_s3_bucket_policy", "reporting_access-logs_").policy as string,
    ).Statement,
    "AllowS3ServerAccessLogDelivery",
  );
  expect(delivery.Condition).toEqual({ StringEquals: { "aws:SourceAccount": AUDIT } });
});

test("one report plan per job type covers the whole organization in every governed region", () => {
  const plans = Object.values(resourcesOf(json, "aws_backup_report_plan"));
  expect(plans.map((plan) => plan.name as string).sort()).toEqual([
    "nwh_backup_job_report",
    "nwh_copy_job_report",
    "nwh_restore_job_report",
  ]);
  const copy = resourceNamed(json, "aws_backup_report_plan", "reporting_copy-job-report_");
  expect(copy).toEqual({
    region: "us-east-1",
    name: "nwh_copy_job_report",
    description: "COPY_JOB_REPORT for every account and governed region",
    report_delivery_channel: {
      s3_bucket_name: `nwh-backup-reports-${MANAGEMENT}`,
      formats: ["CSV", "JSON"],
    },
    report_setting: {
      report_template: "COPY_JOB_REPORT",
      organization_units: ["r-ab12"],
      regions: ["us-east-1", "us-west-2"],
    },
    // The delegation makes the audit account able to report on the organization; the bucket
    // policy lets the reports in.
    depends_on: [
      "aws_organizations_delegated_administrator.delegate-backup",
      expect.stringMatching(/^aws_s3_bucket_policy\.reporting_bucket_policy_[0-9A-F]+$/),
    ],
  });
});

test("the prefix and the home region name and place the plans", () => {
  const other = synthConstruct((scope) =>
    build(scope, { namePrefix: "acme-lz", homeRegion: "eu-west-1", regions: ["eu-west-1"] }),
  );
  const plan = resourceNamed(other, "aws_backup_report_plan", "reporting_backup-job-report_");
  expect(plan).toMatchObject({
    region: "eu-west-1",
    name: "acme_lz_backup_job_report",
    report_setting: { regions: ["eu-west-1"] },
  });
  expect(resourceNamed(other, "aws_s3_bucket", "reporting_bucket_").bucket).toBe(
    `acme-lz-backup-reports-${MANAGEMENT}`,
  );
});

test("declares the backup-reporting control, for the evidence", () => {
  let reporting: BackupReporting | undefined;
  synthConstruct((scope) => {
    reporting = build(scope);
  });
  expect(
    findControls(reporting!)
      .filter(({ constructPath }) => constructPath === reporting!.node.path)
      .map(({ control }) => control),
  ).toEqual([BACKUP_REPORTING_CONTROL]);
});
