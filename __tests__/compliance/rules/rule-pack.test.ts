import { evaluateRules } from "../../../compliance/rules/evaluate-rules";
import type { TerraformJson } from "../../../compliance/rules/rule";
import { RULE_PACK } from "../../../compliance/rules/rule-pack";
import { ACCOUNT_SETTINGS_RULES } from "../../../compliance/rules/account-settings-rules";
import { COST_RULES } from "../../../compliance/rules/cost-rules";
import { NETWORK_LOGGING_RULES } from "../../../compliance/rules/network-logging-rules";
import { NETWORK_RULES } from "../../../compliance/rules/network-rules";
import { NETWORK_SHARING_RULES } from "../../../compliance/rules/network-sharing-rules";
import { resultOf } from "./rule-cases";

type Resources = Record<string, Record<string, TerraformJson>>;
const settings = { minimumLogRetentionDays: 365, minimumBackupRetentionDays: 35 };

const ref = (type: string, attribute = "id") => `\${${type}.subject.${attribute}}`;
const bucketRef = ref("aws_s3_bucket");

/** A bucket with every safeguard, minus the related resources named in `without`. */
function bucket(
  overrides: { without?: string[]; bucket?: TerraformJson; sse?: string; extra?: Resources } = {},
): Resources {
  const related: Resources = {
    aws_s3_bucket_server_side_encryption_configuration: {
      enc: {
        bucket: bucketRef,
        rule: [
          {
            apply_server_side_encryption_by_default: { sse_algorithm: overrides.sse ?? "aws:kms" },
          },
        ],
      },
    },
    aws_s3_bucket_versioning: {
      v: { bucket: bucketRef, versioning_configuration: { status: "Enabled" } },
    },
    aws_s3_bucket_public_access_block: {
      pab: {
        bucket: bucketRef,
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      },
    },
    aws_s3_bucket_policy: {
      p: {
        bucket: bucketRef,
        policy: JSON.stringify({
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: "*",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
      },
    },
    aws_s3_bucket_ownership_controls: {
      o: { bucket: bucketRef, rule: { object_ownership: "BucketOwnerEnforced" } },
    },
    aws_s3_bucket_logging: { l: { bucket: bucketRef, target_bucket: "${aws_s3_bucket.logs.id}" } },
    aws_s3_bucket_lifecycle_configuration: {
      lc: { bucket: bucketRef, rule: [{ id: "x", status: "Enabled" }] },
    },
  };
  for (const type of overrides.without ?? []) delete related[type];
  return {
    aws_s3_bucket: { subject: { bucket: "b", ...overrides.bucket } },
    ...related,
    ...overrides.extra,
  };
}

const trail = (overrides: TerraformJson = {}): Resources => ({
  aws_cloudtrail: {
    subject: {
      is_multi_region_trail: true,
      enable_log_file_validation: true,
      kms_key_id: "arn:key",
      cloud_watch_logs_group_arn: "arn:group",
      cloud_watch_logs_role_arn: "arn:role",
      sns_topic_name: "topic",
      ...overrides,
    },
  },
});
const keyPolicy = (statement: TerraformJson) => JSON.stringify({ Statement: [statement] });
const kmsKey = (overrides: TerraformJson = {}): Resources => ({
  aws_kms_key: {
    subject: {
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      policy: keyPolicy({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "kms:*",
        Resource: "*",
      }),
      ...overrides,
    },
  },
});
const recorder = (overrides: TerraformJson = {}, extra: Resources = {}): Resources => ({
  aws_config_configuration_recorder: {
    subject: {
      name: "r",
      region: "us-east-1",
      recording_group: { all_supported: true, include_global_resource_types: true },
      ...overrides,
    },
  },
  aws_config_configuration_recorder_status: {
    s: { name: ref("aws_config_configuration_recorder", "name"), is_enabled: true },
  },
  aws_config_delivery_channel: { d: { region: "us-east-1", s3_bucket_name: "config" } },
  ...extra,
});
const plan = (rule: TerraformJson): Resources => ({
  aws_backup_plan: { subject: { name: "p", rule: [{ rule_name: "daily", ...rule }] } },
});
const acl = (rules: TerraformJson[], logged = true): Resources => ({
  aws_wafv2_web_acl: { subject: { rule: rules } },
  ...(logged
    ? {
        aws_wafv2_web_acl_logging_configuration: {
          l: { resource_arn: ref("aws_wafv2_web_acl", "arn") },
        },
      }
    : {}),
});
const managed = (name: string) => ({
  name,
  statement: { managed_rule_group_statement: { name, vendor_name: "AWS" } },
});
const cisPolicy = {
  minimum_password_length: 14,
  password_reuse_prevention: 24,
  max_password_age: 90,
  require_lowercase_characters: true,
  require_uppercase_characters: true,
  require_numbers: true,
  require_symbols: true,
};
const allowAll = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
const trust = (principal: unknown, condition?: TerraformJson) =>
  JSON.stringify({
    Statement: [
      {
        Effect: "Allow",
        Principal: principal,
        Action: "sts:AssumeRole",
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

const alarm = (actions: string[]): Resources => ({
  aws_cloudwatch_metric_alarm: { subject: { alarm_name: "root", alarm_actions: actions } },
});
const securityHubPolicy = (standards: string[], enabled = true): Resources => ({
  aws_securityhub_configuration_policy: {
    subject: {
      configuration_policy: { service_enabled: enabled, enabled_standard_arns: standards },
    },
  },
});
const FSBP =
  "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";

/** For every rule: a compliant configuration, a non-compliant one, and the message expected. */
const CASES: Record<string, { compliant: Resources; nonCompliant: Resources; message: string }> = {
  "LZ-S3-001": {
    compliant: bucket(),
    nonCompliant: bucket({ sse: "AES256" }),
    message: "is encrypted with AES256, not KMS",
  },
  "LZ-S3-002": {
    compliant: bucket(),
    nonCompliant: bucket({ without: ["aws_s3_bucket_versioning"] }),
    message: "has no versioning with status Enabled",
  },
  "LZ-S3-003": {
    compliant: bucket(),
    nonCompliant: bucket({ without: ["aws_s3_bucket_public_access_block"] }),
    message: "does not block all four kinds of public access",
  },
  "LZ-S3-004": {
    compliant: bucket(),
    nonCompliant: bucket({ without: ["aws_s3_bucket_policy"] }),
    message: "has no policy statement denying insecure transport",
  },
  "LZ-S3-005": {
    compliant: bucket(),
    nonCompliant: bucket({ without: ["aws_s3_bucket_ownership_controls"] }),
    message: "does not enforce bucket-owner ownership",
  },
  "LZ-S3-006": {
    compliant: bucket(),
    nonCompliant: bucket({ without: ["aws_s3_bucket_logging"] }),
    message: "has no server access logging",
  },
  "LZ-S3-007": {
    compliant: bucket(),
    nonCompliant: bucket({ without: ["aws_s3_bucket_lifecycle_configuration"] }),
    message: "has no enabled lifecycle rule",
  },
  "LZ-S3-008": {
    compliant: bucket({
      bucket: { object_lock_enabled: true, tags: { DataPurpose: "audit-logs" } },
      extra: {
        aws_s3_bucket_object_lock_configuration: {
          ol: { bucket: bucketRef, rule: { default_retention: { mode: "COMPLIANCE", years: 7 } } },
        },
      },
    }),
    nonCompliant: bucket({ bucket: { tags: { DataPurpose: "audit-logs" } } }),
    message: "holds audit logs but object lock is not enabled",
  },
  "LZ-KMS-001": {
    compliant: kmsKey(),
    nonCompliant: kmsKey({ enable_key_rotation: false }),
    message: "does not rotate",
  },
  "LZ-KMS-002": {
    compliant: kmsKey(),
    nonCompliant: kmsKey({ policy: undefined }),
    message: "has no key policy",
  },
  "LZ-KMS-003": {
    compliant: kmsKey({
      policy: keyPolicy({
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
      }),
    }),
    nonCompliant: kmsKey({
      policy: keyPolicy({ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }),
    }),
    message: "allows a wildcard principal without a condition",
  },
  "LZ-KMS-004": {
    compliant: kmsKey(),
    nonCompliant: kmsKey({ deletion_window_in_days: 7 }),
    message: "has a deletion window of 7 days",
  },
  "LZ-CT-001": {
    compliant: trail(),
    nonCompliant: trail({ is_multi_region_trail: false }),
    message: "records one region only",
  },
  "LZ-CT-002": {
    compliant: trail(),
    nonCompliant: trail({ include_global_service_events: false }),
    message: "skips global service events",
  },
  "LZ-CT-003": {
    compliant: trail(),
    nonCompliant: trail({ enable_log_file_validation: false }),
    message: "has no log file validation",
  },
  "LZ-CT-004": {
    compliant: trail(),
    nonCompliant: trail({ kms_key_id: undefined }),
    message: "has no KMS key",
  },
  "LZ-CT-005": {
    compliant: trail(),
    nonCompliant: trail({ cloud_watch_logs_group_arn: undefined }),
    message: "does not deliver to CloudWatch Logs",
  },
  "LZ-CT-006": {
    compliant: trail(),
    nonCompliant: trail({ sns_topic_name: undefined }),
    message: "has no SNS topic",
  },
  "LZ-LOGS-001": {
    compliant: {
      aws_cloudwatch_log_group: { subject: { kms_key_id: "arn:key", retention_in_days: 365 } },
    },
    nonCompliant: { aws_cloudwatch_log_group: { subject: { retention_in_days: 365 } } },
    message: "has no KMS key",
  },
  "LZ-LOGS-002": {
    compliant: {
      aws_cloudwatch_log_group: { subject: { kms_key_id: "arn:key", retention_in_days: 400 } },
    },
    nonCompliant: {
      aws_cloudwatch_log_group: { subject: { kms_key_id: "arn:key", retention_in_days: 90 } },
    },
    message: "keeps logs 90 days, less than the required 365",
  },
  "LZ-SNS-001": {
    compliant: { aws_sns_topic: { subject: { kms_master_key_id: "alias/sns" } } },
    nonCompliant: { aws_sns_topic: { subject: { name: "alerts" } } },
    message: "is not encrypted with KMS",
  },
  "LZ-IAM-001": {
    compliant: {
      aws_iam_policy: {
        subject: {
          policy: JSON.stringify({
            Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
          }),
        },
      },
    },
    nonCompliant: { aws_iam_policy: { subject: { policy: allowAll } } },
    message: 'allows "*" on "*"',
  },
  "LZ-IAM-002": {
    compliant: {
      aws_iam_role_policy_attachment: {
        subject: { policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
      },
    },
    nonCompliant: {
      aws_ssoadmin_managed_policy_attachment: {
        subject: { managed_policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" },
      },
    },
    message: "attaches AdministratorAccess",
  },
  "LZ-IAM-003": {
    compliant: {},
    nonCompliant: { aws_iam_user: { subject: { name: "deploy" } } },
    message: "is an IAM user",
  },
  "LZ-IAM-004": {
    compliant: {},
    nonCompliant: { aws_iam_access_key: { subject: { user: "deploy" } } },
    message: "is a long-lived access key",
  },
  "LZ-IAM-005": {
    compliant: {
      aws_iam_role: {
        subject: {
          assume_role_policy: trust(
            { AWS: "arn:aws:iam::111122223333:root" },
            { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci" } },
          ),
        },
      },
    },
    nonCompliant: {
      aws_iam_role: {
        subject: { assume_role_policy: trust({ AWS: "arn:aws:iam::111122223333:root" }) },
      },
    },
    message: "trusts a whole account without a condition",
  },
  "LZ-CFG-001": {
    compliant: recorder(),
    nonCompliant: recorder({
      recording_group: { all_supported: false, include_global_resource_types: true },
    }),
    message: "records only some resource types",
  },
  "LZ-CFG-002": {
    compliant: recorder(
      {},
      {
        aws_config_configuration_recorder: {
          subject: recorder().aws_config_configuration_recorder.subject,
          west: { region: "us-west-2", recording_group: { all_supported: true } },
        },
      },
    ),
    nonCompliant: recorder(
      {},
      {
        aws_config_configuration_recorder: {
          subject: recorder().aws_config_configuration_recorder.subject,
          west: {
            region: "us-west-2",
            recording_group: { all_supported: true, include_global_resource_types: true },
          },
        },
      },
    ),
    message: "is one of 2 recorders recording global types",
  },
  "LZ-CFG-003": {
    compliant: recorder(),
    nonCompliant: recorder(
      {},
      {
        aws_config_configuration_recorder_status: {
          s: { name: ref("aws_config_configuration_recorder", "name"), is_enabled: false },
        },
      },
    ),
    message: "is not enabled",
  },
  "LZ-CFG-004": {
    compliant: {
      aws_config_configuration_aggregator: {
        subject: { organization_aggregation_source: { all_regions: true, role_arn: "r" } },
      },
    },
    nonCompliant: {
      aws_config_configuration_aggregator: {
        subject: { organization_aggregation_source: { regions: ["us-east-1"], role_arn: "r" } },
      },
    },
    message: "does not cover all regions",
  },
  "LZ-BKP-001": {
    compliant: { aws_backup_vault: { subject: { kms_key_arn: "arn:key" } } },
    nonCompliant: { aws_backup_vault: { subject: { name: "v" } } },
    message: "has no KMS key",
  },
  "LZ-BKP-002": {
    compliant: plan({ lifecycle: { delete_after: 35 } }),
    nonCompliant: plan({}),
    message: "has rules without a lifecycle: daily",
  },
  "LZ-BKP-003": {
    compliant: plan({
      lifecycle: { delete_after: 35 },
      copy_action: [{ destination_vault_arn: "v", lifecycle: { delete_after: 35 } }],
    }),
    nonCompliant: plan({
      lifecycle: { delete_after: 35 },
      copy_action: [{ destination_vault_arn: "v" }],
    }),
    message: "copies without a lifecycle in: daily",
  },
  "LZ-BKP-004": {
    compliant: plan({ lifecycle: { delete_after: 35 } }),
    nonCompliant: plan({
      lifecycle: { delete_after: 35 },
      copy_action: [{ destination_vault_arn: "v", lifecycle: { delete_after: 7 } }],
    }),
    message: "rule daily keeps backups 7 days, less than 35",
  },
  "LZ-BKP-005": {
    compliant: {
      aws_backup_vault: { subject: { name: "nwh-vault", tags: { Immutable: "true" } } },
      aws_backup_vault_lock_configuration: {
        lock: {
          backup_vault_name: ref("aws_backup_vault", "name"),
          min_retention_days: 35,
          max_retention_days: 400,
        },
      },
    },
    nonCompliant: {
      aws_backup_vault: { subject: { name: "nwh-vault", tags: { Immutable: "true" } } },
    },
    message: "must be immutable but has no Vault Lock with retention bounds",
  },
  "LZ-WAF-001": {
    compliant: acl([managed("AWSManagedRulesKnownBadInputsRuleSet")]),
    nonCompliant: acl([managed("AWSManagedRulesKnownBadInputsRuleSet")], false),
    message: "has no logging",
  },
  "LZ-WAF-002": {
    compliant: acl([managed("AWSManagedRulesCommonRuleSet")]),
    nonCompliant: acl([]),
    message: "has no rules",
  },
  "LZ-WAF-003": {
    compliant: acl([managed("AWSManagedRulesKnownBadInputsRuleSet")]),
    nonCompliant: acl([managed("AWSManagedRulesCommonRuleSet")]),
    message: "does not use AWSManagedRulesKnownBadInputsRuleSet",
  },
  "LZ-ACCT-001": {
    compliant: { aws_iam_account_password_policy: { subject: cisPolicy } },
    nonCompliant: {
      aws_iam_account_password_policy: {
        subject: { ...cisPolicy, minimum_password_length: 8, require_symbols: false },
      },
    },
    message: "falls short of CIS on minimum_password_length, require_symbols",
  },
  "LZ-ACCT-002": {
    compliant: {
      aws_ebs_encryption_by_default: { subject: { enabled: true, region: "us-east-1" } },
    },
    nonCompliant: {
      aws_ebs_encryption_by_default: { subject: { enabled: false, region: "us-east-1" } },
    },
    message: "is switched off",
  },
  "LZ-ORG-001": {
    compliant: { aws_organizations_account: { subject: { lifecycle: { prevent_destroy: true } } } },
    nonCompliant: { aws_organizations_account: { subject: { close_on_deletion: false } } },
    message: "lacks prevent_destroy",
  },
  "LZ-GD-001": {
    compliant: { aws_guardduty_detector: { subject: { enable: true } } },
    nonCompliant: { aws_guardduty_detector: { subject: { enable: false } } },
    message: "is disabled",
  },
  "LZ-GD-002": {
    compliant: {
      aws_guardduty_organization_configuration: {
        subject: { auto_enable_organization_members: "ALL" },
      },
    },
    nonCompliant: {
      aws_guardduty_organization_configuration: {
        subject: { auto_enable_organization_members: "NEW" },
      },
    },
    message: "auto-enables NEW accounts, not ALL",
  },
  "LZ-SH-001": {
    compliant: securityHubPolicy([FSBP]),
    nonCompliant: securityHubPolicy([FSBP], false),
    message: "does not enable Security Hub with AWS Foundational Security Best Practices",
  },
  "LZ-SH-002": {
    compliant: {
      aws_securityhub_standards_control_association: {
        subject: {
          standards_arn: FSBP,
          security_control_id: "IAM.6",
          association_status: "DISABLED",
          updated_reason: "Member accounts have no root user credentials.",
        },
      },
    },
    nonCompliant: {
      aws_securityhub_standards_control: {
        subject: {
          standards_control_arn:
            "arn:aws:securityhub:us-east-1:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/IAM.6",
          control_status: "DISABLED",
        },
      },
    },
    message: "disables a control without saying why",
  },
  "LZ-EVENTS-001": {
    compliant: {
      aws_cloudwatch_event_rule: { subject: { name: "findings", event_pattern: "{}" } },
      aws_cloudwatch_event_target: {
        t: { rule: ref("aws_cloudwatch_event_rule", "name"), arn: "arn:aws:sns:::topic" },
      },
    },
    nonCompliant: {
      aws_cloudwatch_event_rule: { subject: { name: "findings", event_pattern: "{}" } },
      aws_cloudwatch_event_target: { t: { rule: "another-rule", arn: "arn:aws:sns:::topic" } },
    },
    message: "has no target, so the events it matches reach nobody",
  },
  "LZ-CW-001": {
    compliant: alarm(["arn:aws:sns:us-east-1:111122223333:security"]),
    nonCompliant: alarm([]),
    message: "has no alarm action",
  },
  "LZ-ORG-002": {
    compliant: { aws_organizations_account: { subject: { close_on_deletion: false } } },
    nonCompliant: { aws_organizations_account: { subject: { close_on_deletion: true } } },
    message: "closes the account on deletion",
  },
};

test("the pack has at least 35 rules with unique ids, each tested below", () => {
  const ids = RULE_PACK.map((rule) => rule.id);
  expect(ids.length).toBeGreaterThanOrEqual(35);
  expect(new Set(ids).size).toBe(ids.length);
  // The rules of issue 19 have their cases beside them, each file checking its own rules.
  const testedBeside = new Set(
    [
      ...NETWORK_LOGGING_RULES,
      ...NETWORK_RULES,
      ...NETWORK_SHARING_RULES,
      ...COST_RULES,
      ...ACCOUNT_SETTINGS_RULES,
    ].map((rule) => rule.id),
  );
  expect(Object.keys(CASES).sort()).toEqual(ids.filter((id) => !testedBeside.has(id)).sort());
});

describe.each(Object.entries(CASES))("%s", (ruleId, { compliant, nonCompliant, message }) => {
  test("passes a compliant resource", () => {
    // Rules that forbid a resource type outright have no compliant instance: absence is compliance.
    if (Object.keys(compliant).length === 0) {
      const rule = RULE_PACK.find((candidate) => candidate.id === ruleId)!;
      expect(
        evaluateRules([{ name: "test", json: { resource: compliant } }], [rule], settings, []),
      ).toEqual([]);
      return;
    }
    expect(resultOf(ruleId, compliant).status).toBe("compliant");
  });

  test("flags a non-compliant resource with its message", () => {
    expect(resultOf(ruleId, nonCompliant)).toMatchObject({ status: "non-compliant", message });
  });
});

test("a Security Hub control left enabled needs no reason, on either resource type", () => {
  expect(
    resultOf("LZ-SH-002", {
      aws_securityhub_standards_control_association: {
        subject: {
          standards_arn: FSBP,
          security_control_id: "IAM.6",
          association_status: "ENABLED",
        },
      },
    }).status,
  ).toBe("not-applicable");
  expect(
    resultOf("LZ-SH-002", {
      aws_securityhub_standards_control_association: {
        subject: {
          standards_arn: FSBP,
          security_control_id: "IAM.6",
          association_status: "DISABLED",
          updated_reason: "  ",
        },
      },
    }),
  ).toMatchObject({ status: "non-compliant" });
});

test("an EventBridge target may name its rule literally", () => {
  expect(
    resultOf("LZ-EVENTS-001", {
      aws_cloudwatch_event_rule: { subject: { name: "findings" } },
      aws_cloudwatch_event_target: { t: { rule: "findings", arn: "arn:aws:sns:::topic" } },
    }).status,
  ).toBe("compliant");
});

test("evidence buckets are held to object lock in compliance mode too", () => {
  const evidence = { tags: { DataPurpose: "audit-evidence" } };
  expect(resultOf("LZ-S3-008", bucket({ bucket: evidence }))).toMatchObject({
    status: "non-compliant",
    message: "holds audit evidence but object lock is not enabled",
  });
  const governanceOnly = bucket({
    bucket: { ...evidence, object_lock_enabled: true },
    extra: {
      aws_s3_bucket_object_lock_configuration: {
        ol: { bucket: bucketRef, rule: { default_retention: { mode: "GOVERNANCE", days: 365 } } },
      },
    },
  });
  expect(resultOf("LZ-S3-008", governanceOnly)).toMatchObject({
    status: "non-compliant",
    message: "has no default retention in COMPLIANCE mode",
  });
  expect(resultOf("LZ-S3-008", bucket()).status).toBe("not-applicable");
});

test("access-log targets may use SSE-S3 and are exempt from logging themselves", () => {
  const target = bucket({
    sse: "AES256",
    without: ["aws_s3_bucket_logging"],
    extra: {
      aws_s3_bucket_logging: {
        other: { bucket: "${aws_s3_bucket.other.id}", target_bucket: bucketRef },
      },
    },
  });
  expect(resultOf("LZ-S3-001", target).status).toBe("compliant");
  expect(resultOf("LZ-S3-006", target).status).toBe("not-applicable");
});

test("a matching suppression turns a violation into a recorded exception", () => {
  const rule = RULE_PACK.find((candidate) => candidate.id === "LZ-IAM-003")!;
  const suppression = {
    rule: "LZ-IAM-003",
    resource: "test/aws_iam_user.*",
    justification: "Legacy SFTP user, removed in Q3.",
  };
  const [finding] = evaluateRules(
    [{ name: "test", json: { resource: CASES["LZ-IAM-003"].nonCompliant } }],
    [rule],
    settings,
    [suppression],
  );
  expect(finding).toMatchObject({ status: "suppressed", suppression, message: "is an IAM user" });
});
