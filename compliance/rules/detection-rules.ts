import { block, expectThat, isSetString, NOT_APPLICABLE } from "./rule";
import type { Rule } from "./rule";

const FOUNDATIONAL_BEST_PRACTICES = "standards/aws-foundational-security-best-practices/";

export const DETECTION_RULES: readonly Rule[] = [
  {
    id: "LZ-GD-001",
    criteria: ["CC7.2", "CC6.8"],
    title: "GuardDuty detectors are enabled",
    fix: "Set enable = true on the detector.",
    appliesTo: ["aws_guardduty_detector"],
    check: (detector) => expectThat(detector.body.enable !== false, "is disabled"),
  },
  {
    id: "LZ-GD-002",
    criteria: ["CC7.2"],
    title: "GuardDuty is enabled for every account of the organization, new ones included",
    fix: 'Set auto_enable_organization_members = "ALL".',
    appliesTo: ["aws_guardduty_organization_configuration"],
    check: (configuration) =>
      expectThat(
        configuration.body.auto_enable_organization_members === "ALL",
        `auto-enables ${(configuration.body.auto_enable_organization_members as string | undefined) ?? "no"} accounts, not ALL`,
      ),
  },
  {
    id: "LZ-SH-001",
    criteria: ["CC4.1", "CC7.1"],
    title:
      "Security Hub configuration policies enable the service and AWS Foundational Security Best Practices",
    fix: "Set service_enabled = true and include the AWS FSBP standard in enabled_standard_arns.",
    appliesTo: ["aws_securityhub_configuration_policy"],
    check: (policy) => {
      const configuration = block(policy.body.configuration_policy);
      const standards = (configuration?.enabled_standard_arns as string[] | undefined) ?? [];
      return expectThat(
        configuration?.service_enabled === true &&
          standards.some((arn) => arn.includes(FOUNDATIONAL_BEST_PRACTICES)),
        "does not enable Security Hub with AWS Foundational Security Best Practices",
      );
    },
  },
  {
    id: "LZ-SH-002",
    criteria: ["CC7.2"],
    title: "Security Hub controls are disabled only with a reason",
    fix: "Set updated_reason (disabled_reason on aws_securityhub_standards_control) to the justification; better, disable the control for the whole organization under securityServices.securityHub.disabledControls in organization.yaml.",
    appliesTo: [
      "aws_securityhub_standards_control_association",
      "aws_securityhub_standards_control",
    ],
    check: (control) => {
      const association = control.type === "aws_securityhub_standards_control_association";
      const status = association ? control.body.association_status : control.body.control_status;
      if (status !== "DISABLED") return NOT_APPLICABLE;
      const reason = association ? control.body.updated_reason : control.body.disabled_reason;
      return expectThat(
        isSetString(reason) && reason.trim() !== "",
        "disables a control without saying why",
      );
    },
  },
  {
    id: "LZ-CW-001",
    criteria: ["CC7.3", "CC7.4"],
    title: "Alarms notify someone",
    fix: "Give the alarm an alarm_actions entry, such as the security topic.",
    appliesTo: ["aws_cloudwatch_metric_alarm"],
    check: (alarm) =>
      expectThat(
        Array.isArray(alarm.body.alarm_actions) && alarm.body.alarm_actions.length > 0,
        "has no alarm action",
      ),
  },
];
