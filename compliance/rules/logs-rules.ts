import { expectThat, isSetString } from "./rule";
import type { Rule } from "./rule";

export const LOGS_RULES: readonly Rule[] = [
  {
    id: "LZ-LOGS-001",
    criteria: ["CC6.1", "CC6.7"],
    title: "Log groups are encrypted with KMS",
    fix: "Set kms_key_id to a customer-managed key whose policy admits logs.<region>.amazonaws.com.",
    appliesTo: ["aws_cloudwatch_log_group"],
    check: (group) => expectThat(isSetString(group.body.kms_key_id), "has no KMS key"),
  },
  {
    id: "LZ-LOGS-002",
    criteria: ["CC7.2", "C1.2"],
    title: "Log groups keep logs at least as long as configured",
    fix: "Raise the log group's retention in config to at least compliance.minimumLogRetentionDays (organization.yaml): logging.cloudWatchRetentionDays for the trail, baseline.waf.logRetentionDays in the environment file for WAF; left out, both meet the minimum.",
    appliesTo: ["aws_cloudwatch_log_group"],
    check: (group, { settings }) => {
      const days = group.body.retention_in_days as number | undefined;
      return expectThat(
        typeof days === "number" && days >= settings.minimumLogRetentionDays,
        `keeps logs ${days === undefined ? "for no set period" : `${days} days`}, less than the required ${settings.minimumLogRetentionDays}`,
      );
    },
  },
  {
    id: "LZ-SNS-001",
    criteria: ["CC6.7", "C1.1"],
    title: "SNS topics are encrypted with KMS",
    fix: "Set kms_master_key_id to a customer-managed key.",
    appliesTo: ["aws_sns_topic"],
    check: (topic) =>
      expectThat(isSetString(topic.body.kms_master_key_id), "is not encrypted with KMS"),
  },
];
