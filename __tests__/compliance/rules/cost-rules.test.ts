import { COST_RULES } from "../../../compliance/rules/cost-rules";
import { ref, resultOf, testRuleCases } from "./rule-cases";
import type { Resources } from "./rule-cases";

const notification = (type: string, threshold: number, subscribers: Record<string, unknown>) => ({
  comparison_operator: "GREATER_THAN",
  notification_type: type,
  threshold,
  threshold_type: "PERCENTAGE",
  ...subscribers,
});
const budget = (notifications: unknown[]): Resources => ({
  aws_budgets_budget: {
    subject: {
      budget_type: "COST",
      time_unit: "MONTHLY",
      limit_amount: "5000",
      limit_unit: "USD",
      notification: notifications,
    },
  },
});
const EMAILS = { subscriber_email_addresses: ["finops@example.com"] };
const MONITOR_ARN = ref("aws_ce_anomaly_monitor.services", "arn");
const subscription = (body: Record<string, unknown>): Resources => ({
  aws_ce_anomaly_subscription: {
    subject: {
      name: "anomalies",
      frequency: "DAILY",
      monitor_arn_list: [MONITOR_ARN],
      subscriber: [{ type: "EMAIL", address: "finance@example.com" }],
      ...body,
    },
  },
});
const monitor = (subscribedArn: string): Resources => ({
  aws_ce_anomaly_monitor: {
    subject: { name: "services", monitor_type: "DIMENSIONAL", monitor_dimension: "SERVICE" },
  },
  aws_ce_anomaly_subscription: {
    anomalies: {
      ...subscription({}).aws_ce_anomaly_subscription.subject,
      monitor_arn_list: [subscribedArn],
    },
  },
});

testRuleCases(COST_RULES, {
  "LZ-COST-001": [
    {
      compliant: budget([
        notification("ACTUAL", 80, EMAILS),
        notification("FORECASTED", 100, {
          subscriber_sns_topic_arns: ["arn:aws:sns:us-east-1:111122223333:finops"],
        }),
      ]),
      nonCompliant: budget([
        notification("ACTUAL", 80, EMAILS),
        notification("FORECASTED", 100, { subscriber_email_addresses: [] }),
      ]),
      message: "has notifications without subscribers: FORECASTED at 100",
    },
  ],
  "LZ-COST-002": [
    {
      compliant: monitor(ref("aws_ce_anomaly_monitor.subject", "arn")),
      nonCompliant: monitor(MONITOR_ARN),
      message: "has no anomaly subscription, so the anomalies it finds reach nobody",
    },
    {
      compliant: subscription({}),
      nonCompliant: subscription({ subscriber: [] }),
      message: "has no subscribers",
    },
  ],
});

test("a budget without notifications is flagged, and one whose notifications are computed is not", () => {
  expect(resultOf("LZ-COST-001", budget([]))).toMatchObject({
    status: "non-compliant",
    message: "has no notifications",
  });
  expect(
    resultOf("LZ-COST-001", {
      aws_budgets_budget: {
        subject: {
          budget_type: "COST",
          time_unit: "MONTHLY",
          notification: "${local.notifications}",
        },
      },
    }).status,
  ).toBe("compliant");
});

test("a subscription that watches no monitor is flagged", () => {
  expect(resultOf("LZ-COST-002", subscription({ monitor_arn_list: [] }))).toMatchObject({
    status: "non-compliant",
    message: "watches no monitor",
  });
});
