import { expectThat } from "./rule";
import type { Rule } from "./rule";

const TRAIL = ["aws_cloudtrail"];
const set = (value: unknown) => typeof value === "string" && value.length > 0;

export const CLOUDTRAIL_RULES: readonly Rule[] = [
  {
    id: "LZ-CT-001",
    criteria: ["CC7.2"],
    title: "Trails record every region",
    fix: "Set is_multi_region_trail = true.",
    appliesTo: TRAIL,
    check: (trail) =>
      expectThat(trail.body.is_multi_region_trail === true, "records one region only"),
  },
  {
    id: "LZ-CT-002",
    criteria: ["CC7.2"],
    title: "Trails record global service events (IAM, STS, Organizations)",
    fix: "Leave include_global_service_events at true.",
    appliesTo: TRAIL,
    check: (trail) =>
      expectThat(trail.body.include_global_service_events !== false, "skips global service events"),
  },
  {
    id: "LZ-CT-003",
    criteria: ["CC7.2", "PI1.5"],
    title: "Trail log files are validated",
    fix: "Set enable_log_file_validation = true, so tampering with a log file can be detected.",
    appliesTo: TRAIL,
    check: (trail) =>
      expectThat(trail.body.enable_log_file_validation === true, "has no log file validation"),
  },
  {
    id: "LZ-CT-004",
    criteria: ["CC6.1", "CC6.7"],
    title: "Trail logs are encrypted with KMS",
    fix: "Set kms_key_id to a customer-managed key.",
    appliesTo: TRAIL,
    check: (trail) => expectThat(set(trail.body.kms_key_id), "has no KMS key"),
  },
  {
    id: "LZ-CT-005",
    criteria: ["CC7.2", "CC7.3"],
    title: "Trails deliver to CloudWatch Logs for alarms",
    fix: "Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn.",
    appliesTo: TRAIL,
    check: (trail) =>
      expectThat(
        set(trail.body.cloud_watch_logs_group_arn) && set(trail.body.cloud_watch_logs_role_arn),
        "does not deliver to CloudWatch Logs",
      ),
  },
  {
    id: "LZ-CT-006",
    criteria: ["CC7.2"],
    title: "Trails notify an SNS topic of log delivery",
    fix: "Set sns_topic_name.",
    appliesTo: TRAIL,
    check: (trail) => expectThat(set(trail.body.sns_topic_name), "has no SNS topic"),
  },
];
