import { blocks, COMPLIANT, expectThat, nonCompliant } from "./rule";
import type { Rule } from "./rule";
import { isToken, mentions } from "./terraform-values";

/** A list attribute that names someone: a non-empty list, or a token Terraform fills in. */
function namesAnyone(value: unknown): boolean {
  return isToken(value) || (Array.isArray(value) && value.length > 0);
}

/*
 * Criteria: A1.1 asks that use of capacity be monitored so demand is managed; spend is the
 * measure of use across an AWS organization. CC7.2 asks for monitoring that notices anomalies
 * signalling an attack: a sudden spend spike is often the first sign of stolen credentials
 * (crypto-mining, for one). A monitor that tells nobody meets neither.
 */
export const COST_RULES: readonly Rule[] = [
  {
    id: "LZ-COST-001",
    criteria: ["A1.1", "CC7.2"],
    title: "Budgets notify someone at every threshold",
    fix: "Give every notification of the aws_budgets_budget a subscriber email or SNS topic: set budget.notify in the environment file or the account's ownerEmail (AccountBudget adds them). A threshold nobody hears about monitors nothing.",
    appliesTo: ["aws_budgets_budget"],
    check({ body }) {
      if (isToken(body.notification)) return COMPLIANT;
      const notifications = blocks(body.notification);
      if (notifications.length === 0) return nonCompliant("has no notifications");
      const unheard = notifications
        .filter(
          (notification) =>
            !namesAnyone(notification.subscriber_email_addresses) &&
            !namesAnyone(notification.subscriber_sns_topic_arns),
        )
        .map(
          (notification) =>
            `${String(notification.notification_type)} at ${String(notification.threshold)}`,
        );
      return expectThat(
        unheard.length === 0,
        `has notifications without subscribers: ${unheard.join(", ")}`,
      );
    },
  },
  {
    id: "LZ-COST-002",
    criteria: ["A1.1", "CC7.2"],
    title: "Cost anomaly monitors alert someone",
    fix: "Subscribe every aws_ce_anomaly_monitor with an aws_ce_anomaly_subscription that lists it in monitor_arn_list and has at least one subscriber: set costControls.anomalyDetection.notify in organization.yaml (CostAnomalyDetection does the rest).",
    appliesTo: ["aws_ce_anomaly_monitor", "aws_ce_anomaly_subscription"],
    check(resource, context) {
      const { body } = resource;
      if (resource.type === "aws_ce_anomaly_monitor")
        return expectThat(
          context
            .resourcesOf("aws_ce_anomaly_subscription")
            .some((subscription) => mentions(subscription.body.monitor_arn_list, resource.address)),
          "has no anomaly subscription, so the anomalies it finds reach nobody",
        );
      if (!namesAnyone(body.monitor_arn_list)) return nonCompliant("watches no monitor");
      return expectThat(
        isToken(body.subscriber) || blocks(body.subscriber).length > 0,
        "has no subscribers",
      );
    },
  },
];
