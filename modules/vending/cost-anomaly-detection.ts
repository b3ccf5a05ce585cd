import { CeAnomalyMonitor } from "@cdktf/provider-aws/lib/ce-anomaly-monitor";
import { CeAnomalySubscription } from "@cdktf/provider-aws/lib/ce-anomaly-subscription";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

/** CC7.2: an unexplained cost spike is an anomaly that can signal an attack or an error. */
const COST_ANOMALY_DETECTION_CONTROL = defineControl({
  id: "cost-anomaly-detection",
  description:
    "Cost Anomaly Detection watches the organization's spend per AWS service and emails the finance recipients about every anomaly whose total impact reaches the configured amount, so unusual use (a compromised account, a runaway job) is investigated",
  criteria: ["CC7.2"],
});

/** How often anomalies are emailed: AWS sends email subscriptions only as daily or weekly digests. */
export type AnomalyAlertFrequency = "DAILY" | "WEEKLY";

export interface CostAnomalyDetectionProps {
  readonly namePrefix: string;
  /** An anomaly is reported once its total impact reaches this many US dollars. */
  readonly thresholdUsd: number;
  readonly frequency: AnomalyAlertFrequency;
  /** 1 to 10 addresses (AWS's limit per subscription). */
  readonly emails: readonly string[];
}

const MAX_SUBSCRIBERS = 10;

/**
 * A services monitor and its email subscription, in the management account: there the monitor
 * sees the consolidated bill, every member account's spend included. AWS allows one SERVICE
 * monitor per account, so an organization that created one already (the console offers it at
 * Cost Explorer's first use) gets an error on apply: import that monitor into this resource
 * instead (docs/account-vending.md says how).
 */
export class CostAnomalyDetection extends Construct {
  readonly monitor: CeAnomalyMonitor;
  readonly subscription: CeAnomalySubscription;

  constructor(scope: Construct, id: string, props: CostAnomalyDetectionProps) {
    super(scope, id);
    implementsControl(this, COST_ANOMALY_DETECTION_CONTROL);
    const emails = [...new Set(props.emails)].sort();
    validate(props, emails);
    this.monitor = new CeAnomalyMonitor(this, "monitor", {
      name: `${props.namePrefix}-services`,
      monitorType: "DIMENSIONAL",
      monitorDimension: "SERVICE",
    });
    this.subscription = new CeAnomalySubscription(this, "subscription", {
      name: `${props.namePrefix}-cost-anomalies`,
      frequency: props.frequency,
      monitorArnList: [this.monitor.arn],
      subscriber: emails.map((address) => ({ type: "EMAIL", address })),
      thresholdExpression: {
        dimension: {
          key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
          matchOptions: ["GREATER_THAN_OR_EQUAL"],
          values: [String(props.thresholdUsd)],
        },
      },
    });
  }
}

function validate(props: CostAnomalyDetectionProps, emails: readonly string[]): void {
  if (!Number.isFinite(props.thresholdUsd) || props.thresholdUsd <= 0)
    throw new Error(
      `CostAnomalyDetection needs a threshold above 0 USD, got ${props.thresholdUsd}; set costControls.anomalyDetection.thresholdUsd`,
    );
  if (emails.length === 0 || emails.length > MAX_SUBSCRIBERS)
    throw new Error(
      `CostAnomalyDetection needs 1 to ${MAX_SUBSCRIBERS} email recipients, got ${emails.length}; set costControls.anomalyDetection.notify`,
    );
  // A runtime check too: the frequency comes from YAML, where the type can't follow it.
  if (!["DAILY", "WEEKLY"].includes(props.frequency))
    throw new Error(
      `CostAnomalyDetection emails DAILY or WEEKLY digests only (AWS sends IMMEDIATE alerts to SNS, not email), got "${props.frequency}"`,
    );
}
