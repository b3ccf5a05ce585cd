import { expectThat } from "./rule";
import type { Rule } from "./rule";

export const EVENTS_RULES: readonly Rule[] = [
  {
    id: "LZ-EVENTS-001",
    criteria: ["CC7.3", "CC7.4"],
    title: "EventBridge rules deliver to a target",
    fix: "Give the rule an aws_cloudwatch_event_target, such as the security findings topic (FindingsAlerts), or remove the rule.",
    appliesTo: ["aws_cloudwatch_event_rule"],
    check: (rule, context) =>
      expectThat(
        context.referencing("aws_cloudwatch_event_target", "rule", rule, rule.body.name).length > 0,
        "has no target, so the events it matches reach nobody",
      ),
  },
];
