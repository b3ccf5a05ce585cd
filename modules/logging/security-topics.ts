import { owningAccountStatement } from "../kms/key-policy-statements";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { policyDocument, renderPolicy } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";
import { KmsKey } from "../kms/kms-key";

export interface SecurityTopicsProps {
  readonly topicName: string;
  readonly keyAlias: string;
  readonly regions: readonly string[];
  readonly partition: string;
  readonly managementAccountId: string;
  readonly organizationId: string;
  /** Emails subscribed in every region. */
  readonly contacts: readonly string[];
  readonly provider: TerraformProvider;
}

/** The ARN of the security topic in a region, known before it exists. */
export function securityTopicArn(
  partition: string,
  region: string,
  accountId: string,
  topicName: string,
): string {
  return `arn:${partition}:sns:${region}:${accountId}:${topicName}`;
}

function alertsKeyPolicy(props: SecurityTopicsProps): PolicyDocument {
  return policyDocument(
    owningAccountStatement(props.partition, props.managementAccountId),
    {
      Sid: "AllowAlarmsOfThisAccount",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": props.managementAccountId } },
    },
    {
      Sid: "AllowBackupNotificationsFromTheOrganization",
      Effect: "Allow",
      Principal: { Service: "backup.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceOrgID": props.organizationId } },
    },
  );
}

/**
 * A KMS-encrypted security topic in every governed region of the management account, emailing
 * the security contacts. Alarms publish to it, and AWS Backup of any account of the
 * organization publishes vault notifications to the topic of the vault's region.
 */
export class SecurityTopics extends Construct {
  private readonly topics = new Map<string, SnsTopic>();

  constructor(scope: Construct, id: string, props: SecurityTopicsProps) {
    super(scope, id);
    const { provider } = props;
    for (const region of props.regions) {
      const key = new KmsKey(this, `key-${region}`, {
        provider,
        region,
        alias: props.keyAlias,
        description: "Encrypts the security alerts topic",
        policy: alertsKeyPolicy(props),
      });
      const topic = new SnsTopic(this, `topic-${region}`, {
        provider,
        region,
        name: props.topicName,
        kmsMasterKeyId: key.arn,
      });
      this.topics.set(region, topic);
      const arn = securityTopicArn(
        props.partition,
        region,
        props.managementAccountId,
        props.topicName,
      );
      new SnsTopicPolicy(this, `topic-policy-${region}`, {
        provider,
        region,
        arn: topic.arn,
        policy: renderPolicy(
          policyDocument(
            {
              Sid: "OwnerAccountManagesTheTopic",
              Effect: "Allow",
              Principal: { AWS: `arn:${props.partition}:iam::${props.managementAccountId}:root` },
              Action: [
                "sns:Publish",
                "sns:Subscribe",
                "sns:GetTopicAttributes",
                "sns:SetTopicAttributes",
                "sns:ListSubscriptionsByTopic",
              ],
              Resource: arn,
            },
            {
              Sid: "AlarmsOfThisAccountPublish",
              Effect: "Allow",
              Principal: { Service: "cloudwatch.amazonaws.com" },
              Action: "sns:Publish",
              Resource: arn,
              Condition: { StringEquals: { "aws:SourceAccount": props.managementAccountId } },
            },
            {
              Sid: "BackupOfTheOrganizationPublishes",
              Effect: "Allow",
              Principal: { Service: "backup.amazonaws.com" },
              Action: "sns:Publish",
              Resource: arn,
              Condition: { StringEquals: { "aws:SourceOrgID": props.organizationId } },
            },
          ),
        ),
      });
      props.contacts.forEach((email, index) => {
        new SnsTopicSubscription(this, `contact-${index}-${region}`, {
          provider,
          region,
          topicArn: topic.arn,
          protocol: "email",
          endpoint: email,
        });
      });
    }
  }

  topicIn(region: string): SnsTopic {
    const topic = this.topics.get(region);
    if (!topic)
      throw new Error(
        `No security topic in ${region}; topics exist in ${[...this.topics.keys()].join(", ")}`,
      );
    return topic;
  }
}
