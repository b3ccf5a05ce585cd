import type { CriterionId } from "../../compliance/criteria/trust-services-criteria";

/** An AWS managed Config rule in the SOC 2 conformance pack, with the criteria it supports. */
export interface ManagedConfigRule {
  readonly identifier: string;
  readonly criteria: readonly CriterionId[];
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface ConfigRuleSettings {
  readonly minimumLogRetentionDays: number;
  readonly minimumBackupRetentionDays: number;
}

/** The SOC 2 conformance pack's managed rules. Additional identifiers from config are appended. */
export function soc2ConfigRules(settings: ConfigRuleSettings): ManagedConfigRule[] {
  return [
    { identifier: "CLOUD_TRAIL_ENABLED", criteria: ["CC7.2"] },
    { identifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED", criteria: ["CC7.2"] },
    { identifier: "CLOUD_TRAIL_ENCRYPTION_ENABLED", criteria: ["CC6.1", "C1.1"] },
    { identifier: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", criteria: ["CC7.2", "PI1.5"] },
    { identifier: "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", criteria: ["CC7.2", "CC7.3"] },
    { identifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED", criteria: ["CC6.1", "C1.1"] },
    { identifier: "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", criteria: ["CC6.1"] },
    { identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", criteria: ["CC6.7"] },
    { identifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", criteria: ["CC6.1", "C1.1"] },
    { identifier: "S3_BUCKET_VERSIONING_ENABLED", criteria: ["A1.2"] },
    { identifier: "S3_BUCKET_LOGGING_ENABLED", criteria: ["CC7.2"] },
    { identifier: "CMK_BACKING_KEY_ROTATION_ENABLED", criteria: ["CC6.1"] },
    { identifier: "ROOT_ACCOUNT_MFA_ENABLED", criteria: ["CC6.1"] },
    { identifier: "IAM_ROOT_ACCESS_KEY_CHECK", criteria: ["CC6.1"] },
    {
      identifier: "IAM_PASSWORD_POLICY",
      criteria: ["CC6.1"],
      parameters: {
        MinimumPasswordLength: "14",
        PasswordReusePrevention: "24",
        MaxPasswordAge: "90",
      },
    },
    { identifier: "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", criteria: ["CC6.3"] },
    { identifier: "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", criteria: ["CC6.1"] },
    { identifier: "EC2_EBS_ENCRYPTION_BY_DEFAULT", criteria: ["CC6.1", "C1.1"] },
    { identifier: "VPC_FLOW_LOGS_ENABLED", criteria: ["CC7.2"] },
    { identifier: "VPC_DEFAULT_SECURITY_GROUP_CLOSED", criteria: ["CC6.6"] },
    { identifier: "GUARDDUTY_ENABLED_CENTRALIZED", criteria: ["CC7.2", "CC6.8"] },
    { identifier: "SECURITYHUB_ENABLED", criteria: ["CC7.2", "CC4.1"] },
    {
      identifier: "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK",
      criteria: ["A1.2"],
      parameters: {
        requiredFrequencyValue: "1",
        requiredFrequencyUnit: "days",
        requiredRetentionDays: String(settings.minimumBackupRetentionDays),
      },
    },
    { identifier: "BACKUP_RECOVERY_POINT_ENCRYPTED", criteria: ["A1.2", "C1.1"] },
    { identifier: "WAFV2_LOGGING_ENABLED", criteria: ["CC7.2"] },
    {
      identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
      criteria: ["CC7.2", "C1.2"],
      parameters: { MinRetentionTime: String(settings.minimumLogRetentionDays) },
    },
    { identifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED", criteria: ["CC6.1"] },
    { identifier: "EC2_INSTANCE_MANAGED_BY_SSM", criteria: ["CC7.1"] },
    { identifier: "EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK", criteria: ["CC7.1"] },
  ];
}

/**
 * The conformance pack's rules: the SOC 2 set, then the additional AWS managed rule identifiers
 * (from config) not already in it, in their order.
 */
export function conformancePackRules(
  settings: ConfigRuleSettings,
  additionalIdentifiers: readonly string[],
): ManagedConfigRule[] {
  const core = soc2ConfigRules(settings);
  const known = new Set(core.map((rule) => rule.identifier));
  const extra = additionalIdentifiers
    .filter((identifier) => !known.has(identifier))
    .map((identifier) => ({ identifier, criteria: [] }));
  return [...core, ...extra];
}
