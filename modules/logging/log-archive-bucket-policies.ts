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

/**
 * VPC flow logs and Route 53 Resolver query logs, delivered by delivery.logs.amazonaws.com, the
 * way AWS documents cross-account delivery to S3: an ACL and listing check on the bucket, and
 * writes under AWSLogs/ that hand the object to the bucket owner. aws:SourceOrgID stands in for
 * AWS's per-account aws:SourceAccount and aws:SourceArn, so an account vended later delivers
 * without a policy change and no account outside the organization delivers at all.
 */
export function networkLogsBucketStatements(
  parties: LogArchiveParties,
  bucketArn: string,
): PolicyStatement[] {
  const fromOrganization = { "aws:SourceOrgID": parties.organizationId };
  return [
    {
      Sid: "AllowLogDeliveryAclCheck",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: ["s3:GetBucketAcl", "s3:ListBucket"],
      Resource: bucketArn,
      Condition: { StringEquals: fromOrganization },
    },
    {
      Sid: "AllowLogDeliveryWrite",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:PutObject",
      // Flow logs land under AWSLogs/<account>/vpcflowlogs/, query logs under
      // AWSLogs/<account>/vpcdnsquerylogs/: the VPCs name the bucket without a prefix.
      Resource: `${bucketArn}/AWSLogs/*`,
      Condition: {
        StringEquals: { ...fromOrganization, "s3:x-amz-acl": "bucket-owner-full-control" },
      },
    },
  ];
}
