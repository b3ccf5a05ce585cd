import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { AlarmDefinition } from "./cis-alarm-patterns";

const SECURITY_ALARMS_CONTROL = defineControl({
  id: "security-alarms",
  description:
    "Security-relevant events (root use, denied calls, sign-ins without MFA, IAM, trail, key, bucket, Config, network and organization changes, break-glass use) alarm to the security contacts within five minutes",
  criteria: ["CC7.2", "CC7.3", "CC7.4", "CC2.3"],
});

export const ALARM_NAMESPACE = "LandingZone/SecurityEvents";

export interface SecurityAlarmsProps {
  readonly namePrefix: string;
  readonly logGroupName: string;
  readonly alarms: readonly AlarmDefinition[];
  /** The security topic of the log group's region. */
  readonly topicArn: string;
  readonly provider: TerraformProvider;
}

/** Metric filters and alarms on the trail's log group, alerting the security topic. */
export class SecurityAlarms extends Construct {
  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    implementsControl(this, SECURITY_ALARMS_CONTROL);
    const { provider } = props;
    for (const alarm of props.alarms) {
      const metricName = alarm.id;
      new CloudwatchLogMetricFilter(this, `filter-${alarm.id}`, {
        provider,
        name: `${props.namePrefix}-${alarm.id}`,
        logGroupName: props.logGroupName,
        pattern: alarm.pattern,
        metricTransformation: {
          name: metricName,
          namespace: ALARM_NAMESPACE,
          value: "1",
          defaultValue: "0",
        },
      });
      new CloudwatchMetricAlarm(this, `alarm-${alarm.id}`, {
        provider,
        alarmName: `${props.namePrefix}-${alarm.id}`,
        alarmDescription: alarm.description,
        namespace: ALARM_NAMESPACE,
        metricName,
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [props.topicArn],
      });
    }
  }
}
