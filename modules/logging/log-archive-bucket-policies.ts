import type { PolicyStatement } from "../iam/policy-document";
import type { LogArchiveParties } from "./log-archive-key-policies";

/**
 * CloudTrail writes only for the organization trail, into the management account's and the
 * organization's prefixes; GuardDuty exports findings only from the audit account.
 */
export function trailBucketStatements(
  parties: LogArchiveParties,
  bucketArn: string,
): PolicyStatement[] {
  const fromTrail = { StringEquals: { "aws:SourceArn": parties.trailArn } };
  const fromAudit = { StringEquals: { "aws:SourceAccount": parties.auditAccountId } };
  return [
    {
      Sid: "AllowCloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: fromTrail,
    },
    {
      Sid: "AllowOrganizationTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: [
        `${bucketArn}/AWSLogs/${parties.managementAccountId}/*`,
        `${bucketArn}/AWSLogs/${parties.organizationId}/*`,
      ],
      Condition: fromTrail,
    },
    {
      Sid: "AllowGuardDutyBucketLocation",
      Effect: "Allow",
      Principal: { Service: "guardduty.amazonaws.com" },
      Action: "s3:GetBucketLocation",
      Resource: bucketArn,
      Condition: fromAudit,
    },
    {
      Sid: "AllowGuardDutyFindingsWrite",
      Effect: "Allow",
      Principal: { Service: "guardduty.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/GuardDuty/*`,
      Condition: fromAudit,
    },
  ];
}

/** AWS Config delivers only for accounts of this organization (aws:SourceOrgID). */
export function configBucketStatements(
  parties: LogArchiveParties,
  bucketArn: string,
): PolicyStatement[] {
  const fromOrganization = { StringEquals: { "aws:SourceOrgID": parties.organizationId } };
  return [
    {
      Sid: "AllowConfigBucketChecks",
      Effect: "Allow",
      Principal: { Service: "config.amazonaws.com" },
      Action: ["s3:GetBucketAcl", "s3:ListBucket"],
      Resource: bucketArn,
      Condition: fromOrganization,
    },
    {
      Sid: "AllowConfigDelivery",
      Effect: "Allow",
      Principal: { Service: "config.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/AWSLogs/*/Config/*`,
      Condition: fromOrganization,
    },
  ];
}
