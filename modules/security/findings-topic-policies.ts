import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";
import { owningAccountStatement } from "../kms/key-policy-statements";

/** Who may use the findings topic and its key: the account that owns them, and its rules. */
interface FindingsTopicAccess {
  readonly partition: string;
  /** The audit account, which owns the topic, the key and the rules. */
  readonly accountId: string;
  /** The EventBridge rules that publish findings, and nothing else may. */
  readonly ruleArns: readonly string[];
}

/** The ARN of an EventBridge rule on the default bus, known before it exists. */
export function eventRuleArn(
  partition: string,
  region: string,
  accountId: string,
  ruleName: string,
): string {
  return `arn:${partition}:events:${region}:${accountId}:rule/${ruleName}`;
}

/** Publishing to an encrypted topic encrypts with its key, as the publisher: here EventBridge. */
export function findingsKeyPolicy(access: FindingsTopicAccess): PolicyDocument {
  return policyDocument(owningAccountStatement(access.partition, access.accountId), {
    Sid: "AllowTheFindingRulesToEncrypt",
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    // The account only: AWS documents no rule ARN in the KMS request SNS makes for EventBridge,
    // and a condition on an absent key would silently drop every alert. The topic policy is what
    // limits publishing to the finding rules.
    Condition: { StringEquals: { "aws:SourceAccount": access.accountId } },
  });
}

/**
 * The owning account manages the topic; only the finding rules publish to it, over TLS. The
 * denial covers the account's own principals too, whose IAM policies would otherwise suffice:
 * an alert nobody can forge is one a responder can trust.
 */
export function findingsTopicPolicy(access: FindingsTopicAccess, topicArn: string): PolicyDocument {
  return policyDocument(
    {
      Sid: "OwnerAccountManagesTheTopic",
      Effect: "Allow",
      Principal: { AWS: `arn:${access.partition}:iam::${access.accountId}:root` },
      Action: [
        "sns:Subscribe",
        "sns:GetTopicAttributes",
        "sns:SetTopicAttributes",
        "sns:ListSubscriptionsByTopic",
      ],
      Resource: topicArn,
    },
    {
      Sid: "TheFindingRulesPublish",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: {
        StringEquals: { "aws:SourceAccount": access.accountId },
        ArnEquals: { "aws:SourceArn": [...access.ruleArns] },
      },
    },
    {
      Sid: "NothingElsePublishes",
      Effect: "Deny",
      Principal: "*",
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: { ArnNotEquals: { "aws:SourceArn": [...access.ruleArns] } },
    },
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  );
}
