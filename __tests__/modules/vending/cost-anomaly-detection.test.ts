import { TerraformStack, Testing } from "cdktf";
import { findControls } from "../../../compliance/controls/control";
import { CostAnomalyDetection } from "../../../modules/vending/cost-anomaly-detection";
import type { CostAnomalyDetectionProps } from "../../../modules/vending/cost-anomaly-detection";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const props: CostAnomalyDetectionProps = {
  namePrefix: "nwh",
  thresholdUsd: 100,
  frequency: "DAILY",
  emails: ["finance@example.com", "cloud@example.com"],
};

describe("cost anomaly detection for the organization", () => {
  let made!: CostAnomalyDetection;
  const json = synthConstruct((scope) => {
    made = new CostAnomalyDetection(scope, "anomalies", props);
  });

  test("a services monitor, named under the prefix", () => {
    expect(Object.values(resourcesOf(json, "aws_ce_anomaly_monitor"))).toEqual([
      { name: "nwh-services", monitor_type: "DIMENSIONAL", monitor_dimension: "SERVICE" },
    ]);
  });

  test("a subscription to it that emails anomalies whose total impact reaches the threshold", () => {
    expect(Object.values(resourcesOf(json, "aws_ce_anomaly_subscription"))).toEqual([
      {
        name: "nwh-cost-anomalies",
        frequency: "DAILY",
        monitor_arn_list: [
          expect.stringMatching(/^\$\{aws_ce_anomaly_monitor\.anomalies_monitor_[^.]+\.arn\}$/),
        ],
        subscriber: [
          { type: "EMAIL", address: "cloud@example.com" },
          { type: "EMAIL", address: "finance@example.com" },
        ],
        threshold_expression: {
          dimension: {
            key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
            match_options: ["GREATER_THAN_OR_EQUAL"],
            values: ["100"],
          },
        },
      },
    ]);
    expect(findControls(made).map(({ control }) => control.id)).toEqual(["cost-anomaly-detection"]);
  });
});

describe("refuses a subscription AWS would reject", () => {
  const build = (changes: Partial<CostAnomalyDetectionProps>) => () =>
    new CostAnomalyDetection(new TerraformStack(Testing.app(), "organization"), "anomalies", {
      ...props,
      ...changes,
    });

  test.each<[string, Partial<CostAnomalyDetectionProps>, string]>([
    [
      "no threshold",
      { thresholdUsd: -5 },
      "CostAnomalyDetection needs a threshold above 0 USD, got -5",
    ],
    ["no recipient", { emails: [] }, "CostAnomalyDetection needs 1 to 10 email recipients, got 0"],
    [
      "immediate email alerts",
      { frequency: "IMMEDIATE" as CostAnomalyDetectionProps["frequency"] },
      'CostAnomalyDetection emails DAILY or WEEKLY digests only (AWS sends IMMEDIATE alerts to SNS, not email), got "IMMEDIATE"',
    ],
  ])("%s", (_, changes, message) => {
    expect(build(changes)).toThrow(message);
  });
});
