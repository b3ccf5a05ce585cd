import { createHash } from "node:crypto";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { Control } from "../../compliance/controls/control";
import type { FindingSeverity } from "../../config/schema/security-findings-schema";
import { keyAlias } from "../../contracts/resource-names";
import { renderPolicy } from "../iam/policy-document";
import { KmsKey } from "../kms/kms-key";
import { securityTopicArn } from "../logging/security-topics";
import { constructIdOf } from "../terraform/construct-id";
import {
  guardDutyFindingsPattern,
  securityHubFindingsPattern,
  severitiesFrom,
} from "./finding-event-patterns";
import type { EventPattern } from "./finding-event-patterns";
import { eventRuleArn, findingsKeyPolicy, findingsTopicPolicy } from "./findings-topic-policies";

/** What the control matrix says of the routing: which findings reach whom. */
function findingsRoutingControl(
  minimumSeverity: FindingSeverity,
  sources: readonly string[],
): Control {
  return defineControl({
    id: "security-findings-routing",
    description: `${sources.join(" and ")} findings of severity ${severitiesFrom(minimumSeverity).join(", ")} go to the security responders as they arrive, through a KMS-encrypted SNS topic in the audit account that only these finding rules may publish to`,
    criteria: ["CC7.2", "CC7.3", "CC7.4"],
  });
}

export interface FindingsAlertsProps {
  /** Prefix of the topic, rule and key alias names. */
  readonly namePrefix: string;
  readonly partition: string;
  /** The home region: Security Hub aggregates every governed region's findings there. */
  readonly region: string;
  /** The account of the stack's default provider (the audit account), which owns everything. */
  readonly accountId: string;
  readonly minimumSeverity: FindingSeverity;
  readonly emails: readonly string[];
  /**
   * HTTPS endpoints (paging, chat webhooks); each must confirm its subscription.
   * @default none
   */
  readonly httpsEndpoints?: readonly string[];
  /**
   * Whether Security Hub carries the findings of GuardDuty, Inspector, Macie and Access Analyzer.
   * Without it, GuardDuty findings of the home region are routed directly.
   * @default true
   */
  readonly securityHub?: boolean;
}

/**
 * Security findings at or above a severity, as EventBridge rules in the home region send them to
 * a KMS-encrypted SNS topic that emails the responders and calls their HTTPS endpoints.
 */
export class FindingsAlerts extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: FindingsAlertsProps) {
    super(scope, id);
    if (props.emails.length + (props.httpsEndpoints ?? []).length === 0)
      throw new Error(
        "Security findings alerts need at least one email or HTTPS endpoint, got none",
      );
    const { partition, region, accountId, namePrefix } = props;
    const routes: { id: string; source: string; carrying?: string; pattern: EventPattern }[] =
      props.securityHub === false
        ? [
            {
              id: "guardduty",
              source: "GuardDuty",
              pattern: guardDutyFindingsPattern(props.minimumSeverity),
            },
          ]
        : [
            {
              id: "security-hub",
              source: "Security Hub",
              carrying: "its controls', GuardDuty's, Inspector's, Macie's and Access Analyzer's",
              pattern: securityHubFindingsPattern(props.minimumSeverity),
            },
          ];
    implementsControl(
      this,
      findingsRoutingControl(
        props.minimumSeverity,
        routes.map((route) =>
          route.carrying ? `${route.source} (${route.carrying})` : route.source,
        ),
      ),
    );
    const ruleName = (route: { id: string }) => `${namePrefix}-${route.id}-findings`;
    const access = {
      partition,
      accountId,
      ruleArns: routes.map((route) => eventRuleArn(partition, region, accountId, ruleName(route))),
    };
    const key = new KmsKey(this, "key", {
      region,
      alias: keyAlias(namePrefix, "security-findings"),
      description: "Encrypts the security findings topic",
      policy: findingsKeyPolicy(access),
    });
    const topicName = `${namePrefix}-security-findings`;
    this.topic = new SnsTopic(this, "topic", {
      region,
      name: topicName,
      kmsMasterKeyId: key.arn,
    });
    new SnsTopicPolicy(this, "topic-policy", {
      region,
      arn: this.topic.arn,
      policy: renderPolicy(
        findingsTopicPolicy(access, securityTopicArn(partition, region, accountId, topicName)),
      ),
    });
    for (const route of routes) {
      const rule = new CloudwatchEventRule(this, `rule-${route.id}`, {
        region,
        name: ruleName(route),
        description: `${route.source} findings of severity ${severitiesFrom(props.minimumSeverity).join(", ")}, to ${topicName}`,
        eventPattern: JSON.stringify(route.pattern),
      });
      new CloudwatchEventTarget(this, `target-${route.id}`, {
        region,
        rule: rule.name,
        targetId: "security-findings-topic",
        arn: this.topic.arn,
      });
    }
    for (const email of props.emails)
      new SnsTopicSubscription(this, `email-${constructIdOf(email)}`, {
        region,
        topicArn: this.topic.arn,
        protocol: "email",
        endpoint: email,
      });
    for (const url of props.httpsEndpoints ?? [])
      // Named by host and a digest: a webhook's path often holds its secret, and addresses show.
      new SnsTopicSubscription(
        this,
        `https-${constructIdOf(new URL(url).hostname)}-${digest(url)}`,
        {
          region,
          topicArn: this.topic.arn,
          protocol: "https",
          endpoint: url,
        },
      );
  }
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
