import { ACCOUNT_RULES } from "./account-rules";
import { ACCOUNT_SETTINGS_RULES } from "./account-settings-rules";
import { BACKUP_RULES, VAULT_LOCK_RULE } from "./backup-rules";
import { CLOUDTRAIL_RULES } from "./cloudtrail-rules";
import { CONFIG_RULES } from "./config-rules";
import { COST_RULES } from "./cost-rules";
import { DETECTION_RULES } from "./detection-rules";
import { EVENTS_RULES } from "./events-rules";
import { IAM_RULES } from "./iam-rules";
import { KMS_RULES } from "./kms-rules";
import { LOGS_RULES } from "./logs-rules";
import { NETWORK_LOGGING_RULES } from "./network-logging-rules";
import { NETWORK_RULES } from "./network-rules";
import { NETWORK_SHARING_RULES } from "./network-sharing-rules";
import type { Rule } from "./rule";
import { S3_RULES } from "./s3-rules";
import { WAF_RULES } from "./waf-rules";

/** Every guardrail rule, checked against every stack at each synth. */
export const RULE_PACK: readonly Rule[] = [
  ...S3_RULES,
  ...KMS_RULES,
  ...CLOUDTRAIL_RULES,
  ...LOGS_RULES,
  ...IAM_RULES,
  ...CONFIG_RULES,
  ...BACKUP_RULES,
  VAULT_LOCK_RULE,
  ...WAF_RULES,
  ...DETECTION_RULES,
  ...EVENTS_RULES,
  ...ACCOUNT_RULES,
  ...ACCOUNT_SETTINGS_RULES,
  ...NETWORK_LOGGING_RULES,
  ...NETWORK_RULES,
  ...NETWORK_SHARING_RULES,
  ...COST_RULES,
];
