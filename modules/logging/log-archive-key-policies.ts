import { cloudWatchLogsStatement, owningAccountStatement } from "../kms/key-policy-statements";
import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";

/** Who is who in the log archive's key policies. */
export interface LogArchiveParties {
  readonly partition: string;
  readonly homeRegion: string;
  readonly managementAccountId: string;
  readonly logArchiveAccountId: string;
  readonly auditAccountId: string;
  readonly organizationId: string;
  readonly trailArn: string;
}

/**
 * The trail key: CloudTrail may encrypt only for the organization trail (aws:SourceArn, and the
 * encryption context naming the management account's trails), GuardDuty only for the audit
 * account's detectors. Both conditions stop a confused deputy.
 */
export function trailKeyPolicy(parties: LogArchiveParties): PolicyDocument {
  const { partition, managementAccountId, auditAccountId } = parties;
  return policyDocument(
    owningAccountStatement(partition, parties.logArchiveAccountId),
    {
      Sid: "AllowOrganizationTrailToEncrypt",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceArn": parties.trailArn },
        StringLike: {
          "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${partition}:cloudtrail:*:${managementAccountId}:trail/*`,
        },
      },
    },
    {
      Sid: "AllowOrganizationTrailToDescribeKey",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": parties.trailArn } },
    },
    {
      Sid: "AllowGuardDutyFindingsExport",
      Effect: "Allow",
      Principal: { Service: "guardduty.amazonaws.com" },
      Action: "kms:GenerateDataKey",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceAccount": auditAccountId },
        ArnLike: { "aws:SourceArn": `arn:${partition}:guardduty:*:${auditAccountId}:detector/*` },
      },
    },
  );
}

/** The Config key: AWS Config may use it only when delivering for an account of this organization. */
export function configKeyPolicy(parties: LogArchiveParties): PolicyDocument {
  return policyDocument(owningAccountStatement(parties.partition, parties.logArchiveAccountId), {
    Sid: "AllowConfigDeliveryFromTheOrganization",
    Effect: "Allow",
    Principal: { Service: "config.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceOrgID": parties.organizationId } },
  });
}

/**
 * The logs key, in the management account: CloudWatch Logs may use it for this account's log
 * groups only; CloudWatch alarms and SNS may use it to publish to the encrypted security topic.
 */
export function logsKeyPolicy(parties: LogArchiveParties): PolicyDocument {
  const { partition, homeRegion, managementAccountId } = parties;
  return policyDocument(
    owningAccountStatement(partition, managementAccountId),
    cloudWatchLogsStatement(partition, homeRegion, managementAccountId),
    {
      Sid: "AllowAlarmsAndNotificationsOfThisAccount",
      Effect: "Allow",
      Principal: {
        Service: ["cloudwatch.amazonaws.com", "sns.amazonaws.com", "cloudtrail.amazonaws.com"],
      },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": managementAccountId } },
    },
  );
}

/**
 * The network logs key: log delivery (delivery.logs.amazonaws.com), writing VPC flow logs and
 * Route 53 Resolver query logs into the bucket through S3, may use it only for accounts of this
 * organization. Decrypt is there because S3 needs it for multipart uploads of SSE-KMS objects.
 */
export function networkLogsKeyPolicy(parties: LogArchiveParties): PolicyDocument {
  return policyDocument(owningAccountStatement(parties.partition, parties.logArchiveAccountId), {
    Sid: "AllowLogDeliveryFromTheOrganization",
    Effect: "Allow",
    Principal: { Service: "delivery.logs.amazonaws.com" },
    Action: ["kms:GenerateDataKey*", "kms:Decrypt", "kms:Encrypt"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceOrgID": parties.organizationId } },
  });
}
