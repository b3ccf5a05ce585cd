import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import { ALARM_NAMESPACE, SecurityAlarms } from "../../../modules/logging/security-alarms";
import type { AlarmDefinition } from "../../../modules/logging/cis-alarm-patterns";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const TOPIC = "arn:aws:sns:us-east-1:111122223333:nwh-security-alerts";
const alarms: AlarmDefinition[] = [
  {
    id: "root-user-activity",
    description: "Root did something",
    pattern: '{ $.userIdentity.type = "Root" }',
  },
  { id: "vpc-changes", description: "A VPC changed", pattern: '{ ($.eventName = "CreateVpc") }' },
];

function synthAlarms(definitions: readonly AlarmDefinition[]) {
  let made!: SecurityAlarms;
  const json = synthConstruct((scope) => {
    made = new SecurityAlarms(scope, "security-alarms", {
      namePrefix: "nwh",
      logGroupName: "/landing-zone/nwh-organization-trail",
      alarms: definitions,
      topicArn: TOPIC,
      provider: new AwsProvider(scope, "management", { region: "us-east-1", alias: "management" }),
    });
  });
  return { json, made };
}

describe("for each alarm definition", () => {
  let json: StackJson;
  let filters: StackJson[];
  let metricAlarms: StackJson[];
  beforeAll(() => {
    json = synthAlarms(alarms).json;
    filters = Object.values(resourcesOf(json, "aws_cloudwatch_log_metric_filter"));
    metricAlarms = Object.values(resourcesOf(json, "aws_cloudwatch_metric_alarm"));
  });

  test("a metric filter counts the pattern's matches in the trail's log group", () => {
    expect(filters).toEqual(
      alarms.map((alarm) => ({
        provider: "aws.management",
        name: `nwh-${alarm.id}`,
        log_group_name: "/landing-zone/nwh-organization-trail",
        pattern: alarm.pattern,
        metric_transformation: {
          name: alarm.id,
          namespace: ALARM_NAMESPACE,
          value: "1",
          default_value: "0",
        },
      })),
    );
  });

  test("an alarm on that very metric notifies the security topic on the first match in five minutes", () => {
    expect(metricAlarms).toHaveLength(alarms.length);
    for (const [index, alarm] of metricAlarms.entries()) {
      const counted = filters[index].metric_transformation;
      expect(alarm).toEqual({
        provider: "aws.management",
        alarm_name: `nwh-${alarms[index].id}`,
        alarm_description: alarms[index].description,
        namespace: counted.namespace,
        metric_name: counted.name,
        statistic: "Sum",
        period: 300,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        treat_missing_data: "notBreaching",
        alarm_actions: [TOPIC],
      });
    }
  });
});

test("the resources are addressed by alarm id, so adding an alarm replaces none", () => {
  const one = synthAlarms([alarms[1]]).json;
  const both = synthAlarms(alarms).json;
  for (const type of ["aws_cloudwatch_log_metric_filter", "aws_cloudwatch_metric_alarm"]) {
    const [only] = Object.entries(resourcesOf(one, type));
    expect(resourcesOf(both, type)[only[0]]).toEqual(only[1]);
  }
});

test("declares the security-alarms control", () => {
  const { made } = synthAlarms(alarms);
  expect(findControls(made).map((placement) => placement.control.id)).toEqual(["security-alarms"]);
});
