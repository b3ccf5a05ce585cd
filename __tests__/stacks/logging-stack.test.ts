import { exampleSynth } from "../helpers/example-synth";
import { defaultProvider, EXAMPLE_MEMBER_ROLE } from "../helpers/synth-output";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
let stack: StackJson;
beforeAll(() => {
  out = exampleSynth();
  stack = out.stack("logging");
});

const resources = (type: string) => Object.entries(out.resources("logging", type));
const named = (type: string, fragment: string) => {
  // A fragment starts a construct id: "logs-key" is not "network-logs-key".
  const starts = new RegExp(`(^|_)${fragment}`);
  const matches = resources(type).filter(([address]) => starts.test(address));
  expect(matches).toHaveLength(1);
  return matches[0][1];
};
const keyPolicy = (fragment: string) => JSON.parse(named("aws_kms_key", fragment).policy);

test("keys and buckets live in the log archive account; trail, log group and topics in the management account", () => {
  const archive = defaultProvider(stack);
  const management = stack.provider.aws.find(
    (provider: StackJson) => provider.alias === "management",
  );
  expect(archive.assume_role[0].role_arn).toMatch(EXAMPLE_MEMBER_ROLE);
  expect(management).toMatchObject({ allowed_account_ids: ["111122223333"] });
  expect(named("aws_cloudtrail", "organization-trail").provider).toBe("aws.management");
  expect(named("aws_kms_key", "logs-key").provider).toBe("aws.management");
  expect(named("aws_kms_key", "trail-key").provider).toBeUndefined();
});

test("one key per purpose: rotating, 30-day window, undeletable, aliased under the prefix", () => {
  const aliases = resources("aws_kms_alias")
    .map(([, alias]) => alias.name)
    .sort();
  // The alerts key exists once per governed region: SNS needs a key in the topic's region.
  expect(aliases).toEqual([
    "alias/nwh/alerts",
    "alias/nwh/alerts",
    "alias/nwh/cloudtrail",
    "alias/nwh/config",
    "alias/nwh/evidence",
    "alias/nwh/logs",
    "alias/nwh/network-logs",
  ]);
  for (const [, key] of resources("aws_kms_key")) {
    expect(key).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
  }
});

test("key policies admit each service only for this organization's resources (no confused deputy)", () => {
  const trail = keyPolicy("trail-key").Statement;
  const cloudTrail = trail.find(
    (statement: { Sid: string }) => statement.Sid === "AllowOrganizationTrailToEncrypt",
  );
  expect(cloudTrail.Condition).toEqual({
    StringEquals: {
      "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/nwh-organization-trail",
    },
    StringLike: {
      "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*",
    },
  });
  const guardDuty = trail.find(
    (statement: { Sid: string }) => statement.Sid === "AllowGuardDutyFindingsExport",
  );
  expect(guardDuty.Condition.StringEquals["aws:SourceAccount"]).toMatch(
    /cross-stack-reference-input-organization/,
  );
  const config = keyPolicy("config-key").Statement[1];
  expect(config).toMatchObject({
    Principal: { Service: "config.amazonaws.com" },
    Condition: { StringEquals: { "aws:SourceOrgID": "o-k7q2mz4x9a" } },
  });
  const logs = keyPolicy("logs-key").Statement[1];
  expect(logs.Principal).toEqual({ Service: "logs.us-east-1.amazonaws.com" });
  expect(logs.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).toBe(
    "arn:aws:logs:us-east-1:111122223333:log-group:*",
  );
});

test.each(["trail-bucket", "config-bucket", "network-logs-bucket"])(
  "the %s is object-locked in compliance mode, archived and expired after 7 years",
  (bucket) => {
    expect(named("aws_s3_bucket", bucket)).toMatchObject({
      object_lock_enabled: true,
      tags: { DataPurpose: "audit-logs" },
      lifecycle: { prevent_destroy: true },
    });
    expect(named("aws_s3_bucket_object_lock_configuration", bucket).rule).toEqual({
      default_retention: { mode: "COMPLIANCE", days: 365 },
    });
    const archive = named("aws_s3_bucket_lifecycle_configuration", bucket).rule.find(
      (rule: { id: string }) => rule.id === "archive-then-expire",
    );
    expect(archive).toMatchObject({
      transition: [{ days: 90, storage_class: "GLACIER" }],
      expiration: [{ days: 2555 }],
    });
    expect(named("aws_s3_bucket_logging", bucket).target_bucket).toMatch(
      /aws_s3_bucket\.access-logs_bucket_/,
    );
  },
);

test("flow logs and DNS query logs of the organization's accounts land in their own bucket, under their own key", () => {
  const bucket = named("aws_s3_bucket", "network-logs-bucket");
  expect(bucket.bucket).toBe("nwh-log-archive-network-111122223333");
  const delivery = JSON.parse(
    named("aws_s3_bucket_policy", "network-logs-bucket").policy,
  ).Statement.filter(
    (statement: { Principal?: { Service?: string } }) =>
      statement.Principal?.Service === "delivery.logs.amazonaws.com",
  );
  expect(delivery.length).toBeGreaterThan(0);
  for (const statement of delivery)
    expect(statement.Condition.StringEquals["aws:SourceOrgID"]).toBe("o-k7q2mz4x9a");
  expect(
    named("aws_s3_bucket_server_side_encryption_configuration", "network-logs-bucket").rule[0]
      .apply_server_side_encryption_by_default.kms_master_key_id,
  ).toMatch(/aws_kms_key\.network-logs-key_/);
});

test("only the organization trail may write trail logs, only organization accounts may deliver Config", () => {
  const trailPolicy = JSON.parse(named("aws_s3_bucket_policy", "trail-bucket").policy).Statement;
  const write = trailPolicy.find(
    (statement: { Sid: string }) => statement.Sid === "AllowOrganizationTrailWrite",
  );
  expect(write.Resource).toEqual([
    "arn:aws:s3:::nwh-log-archive-cloudtrail-111122223333/AWSLogs/111122223333/*",
    "arn:aws:s3:::nwh-log-archive-cloudtrail-111122223333/AWSLogs/o-k7q2mz4x9a/*",
  ]);
  expect(write.Condition).toEqual({
    StringEquals: {
      "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/nwh-organization-trail",
    },
  });
  const configPolicy = JSON.parse(named("aws_s3_bucket_policy", "config-bucket").policy).Statement;
  expect(configPolicy.map((statement: { Sid: string }) => statement.Sid)).toEqual([
    "DenyInsecureTransport",
    "DenyOutdatedTls",
    "AllowConfigBucketChecks",
    "AllowConfigDelivery",
  ]);
  expect(configPolicy[3].Condition).toEqual({
    StringEquals: { "aws:SourceOrgID": "o-k7q2mz4x9a" },
  });
});

test("the organization trail covers every region and account, validated, encrypted, to CloudWatch and SNS", () => {
  const trail = named("aws_cloudtrail", "organization-trail");
  expect(trail).toMatchObject({
    is_organization_trail: true,
    is_multi_region_trail: true,
    include_global_service_events: true,
    enable_log_file_validation: true,
    s3_bucket_name: "nwh-log-archive-cloudtrail-111122223333",
  });
  expect(trail.kms_key_id).toMatch(/aws_kms_key\.trail-key/);
  expect(trail.cloud_watch_logs_group_arn).toMatch(/^\$\{aws_cloudwatch_log_group\..+\.arn\}:\*$/);
  expect(trail.advanced_event_selector).toEqual([
    {
      name: "Management events",
      field_selector: [{ field: "eventCategory", equals: ["Management"] }],
    },
    {
      name: "S3 data events",
      field_selector: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "resources.ARN", starts_with: ["arn:aws:s3:::nwh-prod-patient-records/"] },
      ],
    },
  ]);
  expect(named("aws_cloudwatch_log_group", "log-group")).toMatchObject({
    retention_in_days: 400,
    deletion_protection_enabled: true,
  });
  const delivery = JSON.parse(named("aws_iam_role_policy", "cloudwatch-delivery").policy)
    .Statement[0];
  expect(delivery).toEqual({
    Sid: "WriteTrailEvents",
    Effect: "Allow",
    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
    Resource:
      "arn:aws:logs:us-east-1:111122223333:log-group:/landing-zone/nwh-organization-trail:log-stream:*",
  });
});

test("CIS alarms and the break-glass alarm notify the security contacts through an encrypted topic", () => {
  const filters = resources("aws_cloudwatch_log_metric_filter").map(([, filter]) => filter);
  expect(filters).toHaveLength(16);
  const pattern = (id: string) =>
    filters.find((filter) => filter.name === `nwh-${id}`)!.pattern as string;
  expect(pattern("root-user-activity")).toBe(
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  );
  expect(pattern("console-sign-in-without-mfa")).toContain(
    '$.additionalEventData.MFAUsed != "Yes"',
  );
  expect(pattern("kms-key-disable-or-deletion")).toContain('($.eventName = "ScheduleKeyDeletion")');
  expect(pattern("break-glass-use")).toBe(
    '{ ($.userIdentity.arn = "*:assumed-role/AWSReservedSSO_BreakGlassAdmin_*") || (($.eventName = "AssumeRoleWithSAML") && ($.requestParameters.roleArn = "*AWSReservedSSO_BreakGlassAdmin_*")) }',
  );
  for (const [, alarm] of resources("aws_cloudwatch_metric_alarm")) {
    expect(alarm).toMatchObject({
      threshold: 1,
      comparison_operator: "GreaterThanOrEqualToThreshold",
      period: 300,
    });
    expect(alarm.alarm_actions).toEqual([
      expect.stringMatching(/aws_sns_topic\.security-topics_topic-us-east-1/),
    ]);
  }
  for (const region of ["us-east-1", "us-west-2"]) {
    const topic = named("aws_sns_topic", `topic-${region}`);
    expect(topic).toMatchObject({ region, name: "nwh-security-alerts" });
    expect(topic.kms_master_key_id).toMatch(
      new RegExp(`aws_kms_key\\.security-topics_key-${region}`),
    );
    const policy = JSON.parse(named("aws_sns_topic_policy", `topic-policy-${region}`).policy);
    const backup = policy.Statement.find(
      (statement: { Sid: string }) => statement.Sid === "BackupOfTheOrganizationPublishes",
    );
    expect(backup.Condition).toEqual({ StringEquals: { "aws:SourceOrgID": "o-k7q2mz4x9a" } });
  }
  expect(
    resources("aws_sns_topic_subscription")
      .map(([, subscription]) => `${subscription.region} ${subscription.endpoint}`)
      .sort(),
  ).toEqual([
    "us-east-1 oncall-security@northwind-health.com",
    "us-east-1 security@northwind-health.com",
    "us-west-2 oncall-security@northwind-health.com",
    "us-west-2 security@northwind-health.com",
  ]);
});

test("the evidence bucket, in the log archive account, is locked for the compliance minimum and written only by the evidence role", () => {
  const bucket = named("aws_s3_bucket", "evidence");
  expect(bucket).toMatchObject({
    bucket: "nwh-evidence-111122223333",
    object_lock_enabled: true,
    tags: { DataPurpose: "audit-evidence" },
    lifecycle: { prevent_destroy: true },
  });
  expect(bucket.provider).toBeUndefined();
  // compliance.evidenceRetentionDays is unset: the example's minimumLogRetentionDays.
  expect(named("aws_s3_bucket_object_lock_configuration", "evidence").rule).toEqual({
    default_retention: { mode: "COMPLIANCE", days: 365 },
  });
  expect(named("aws_s3_bucket_logging", "evidence").target_bucket).toMatch(
    /aws_s3_bucket\.access-logs_bucket_/,
  );
  expect(
    named("aws_s3_bucket_server_side_encryption_configuration", "evidence").rule[0]
      .apply_server_side_encryption_by_default.kms_master_key_id,
  ).toMatch(/aws_kms_key\.evidence_key_/);
  const asEvidenceRole = {
    ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/nwh-lz-evidence" },
  };
  const policy = JSON.parse(named("aws_s3_bucket_policy", "evidence").policy).Statement;
  expect(
    policy.find((statement: { Sid: string }) => statement.Sid === "AllowEvidenceCollectorToWrite"),
  ).toMatchObject({
    Principal: { AWS: "arn:aws:iam::111122223333:root" },
    Action: "s3:PutObject",
    Resource: "arn:aws:s3:::nwh-evidence-111122223333/*",
    Condition: asEvidenceRole,
  });
  expect(
    keyPolicy("evidence").Statement.find(
      (statement: { Sid: string }) => statement.Sid === "AllowEvidenceCollectorThroughS3",
    ).Condition,
  ).toEqual({
    ...asEvidenceRole,
    StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
  });
});
