import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { policyDocument, renderPolicy, trustPolicy } from "../iam/policy-document";
import type { KmsKey } from "../kms/kms-key";
import type { SecureBucket } from "../storage/secure-bucket";

const ORGANIZATION_TRAIL_CONTROL = defineControl({
  id: "organization-trail",
  description:
    "Every API call in every account and region is recorded, validated and kept, encrypted, in the log archive and in CloudWatch Logs",
  criteria: ["CC7.2", "CC7.3", "A1.2", "CC4.1", "PI1.3"],
});

/** A CloudTrail advanced event selector: an event is recorded when every field selector matches. */
export interface AdvancedEventSelector {
  readonly name: string;
  readonly fieldSelectors: readonly {
    readonly field: string;
    readonly equals?: readonly string[];
    readonly startsWith?: readonly string[];
    readonly notEquals?: readonly string[];
  }[];
}

export interface OrganizationTrailProps {
  readonly trailName: string;
  readonly trailArn: string;
  readonly partition: string;
  readonly homeRegion: string;
  readonly managementAccountId: string;
  readonly bucket: SecureBucket;
  readonly bucketName: string;
  /** Encrypts the trail's log files, in the log archive account. */
  readonly trailKey: KmsKey;
  /** Encrypts the log group and the delivery topic, in the management account. */
  readonly logsKey: KmsKey;
  /**
   * S3 object-level (data) events to record, by object ARN prefix.
   * @default none: management events only
   */
  readonly s3DataEvents?: readonly string[];
  /**
   * Selectors recorded beside the management events.
   * @default none
   */
  readonly advancedEventSelectors?: readonly AdvancedEventSelector[];
  /** Days the trail's log group keeps events (config's value, or the default that meets the minimum). */
  readonly logRetentionDays: number;
  /** The management account's provider: the trail, its log group and topic live there. */
  readonly provider: TerraformProvider;
}

/**
 * The organization trail: multi-region, global events, validated files, KMS, an SNS topic,
 * and delivery to a KMS-encrypted CloudWatch log group through a role that may write only there.
 */
export class OrganizationTrail extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly trail: Cloudtrail;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    implementsControl(this, ORGANIZATION_TRAIL_CONTROL);
    const { provider, partition, homeRegion, managementAccountId } = props;
    const fromTrail = { StringEquals: { "aws:SourceArn": props.trailArn } };

    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      provider,
      name: `/landing-zone/${props.trailName}`,
      kmsKeyId: props.logsKey.arn,
      retentionInDays: props.logRetentionDays,
      deletionProtectionEnabled: true,
      lifecycle: { preventDestroy: true },
    });
    const role = new IamRole(this, "cloudwatch-delivery-role", {
      provider,
      name: `${props.trailName}-cloudwatch-delivery`,
      description:
        "Lets the organization trail write to its CloudWatch log group, and nothing else",
      assumeRolePolicy: renderPolicy(
        trustPolicy({
          Sid: "OrganizationTrailOnly",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: fromTrail,
        }),
      ),
    });
    const logGroupArn = `arn:${partition}:logs:${homeRegion}:${managementAccountId}:log-group:/landing-zone/${props.trailName}`;
    const deliveryPolicy = new IamRolePolicy(this, "cloudwatch-delivery-policy", {
      provider,
      role: role.id,
      name: "write-trail-log-group",
      policy: renderPolicy(
        policyDocument({
          Sid: "WriteTrailEvents",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${logGroupArn}:log-stream:*`,
        }),
      ),
    });
    const topic = new SnsTopic(this, "delivery-topic", {
      provider,
      name: `${props.trailName}-delivery`,
      kmsMasterKeyId: props.logsKey.arn,
    });
    const topicPolicy = new SnsTopicPolicy(this, "delivery-topic-policy", {
      provider,
      arn: topic.arn,
      policy: renderPolicy(
        policyDocument({
          Sid: "OrganizationTrailPublishes",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "sns:Publish",
          Resource: topic.arn,
          Condition: fromTrail,
        }),
      ),
    });
    this.trail = new Cloudtrail(this, "trail", {
      provider,
      name: props.trailName,
      s3BucketName: props.bucketName,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: props.trailKey.arn,
      // AWS takes the topic's name or ARN; the API emulator only the name.
      snsTopicName: topic.name,
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      advancedEventSelector: eventSelectors(props),
      // CloudTrail checks, when the trail is created, that the bucket and topic policies admit
      // it and that the role may write to the log group: none of that is a reference.
      dependsOn: [props.bucket.policy, topicPolicy, deliveryPolicy],
    });
  }
}

/** Management events always; S3 data events and further selectors when given. */
function eventSelectors(props: OrganizationTrailProps) {
  const s3DataEvents = props.s3DataEvents ?? [];
  return [
    {
      name: "Management events",
      fieldSelector: [{ field: "eventCategory", equalTo: ["Management"] }],
    },
    ...(s3DataEvents.length > 0
      ? [
          {
            name: "S3 data events",
            fieldSelector: [
              { field: "eventCategory", equalTo: ["Data"] },
              { field: "resources.type", equalTo: ["AWS::S3::Object"] },
              { field: "resources.ARN", startsWith: [...s3DataEvents] },
            ],
          },
        ]
      : []),
    ...(props.advancedEventSelectors ?? []).map((selector) => ({
      name: selector.name,
      fieldSelector: selector.fieldSelectors.map((field) => ({
        field: field.field,
        equalTo: field.equals && [...field.equals],
        startsWith: field.startsWith && [...field.startsWith],
        notEquals: field.notEquals && [...field.notEquals],
      })),
    })),
  ];
}
