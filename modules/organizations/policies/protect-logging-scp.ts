import { describedPolicy, unlessExempt, unlessExemptOrRootSession } from "./organization-policy";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";
import { evidenceBucketPattern, logArchiveBucketPattern } from "../../../contracts/resource-names";

/**
 * Keeps the audit trail whole: CloudTrail, AWS Config, VPC flow logs, DNS query logs, the log
 * archive and the evidence bucket beside it.
 */
export function protectLoggingScp(context: PolicyContext): OrganizationPolicy {
  const exempt = unlessExempt(context);
  const patterns = [
    logArchiveBucketPattern(context.resourcePrefix),
    evidenceBucketPattern(context.resourcePrefix),
  ];
  const bucket = patterns.map((pattern) => `arn:${context.partition}:s3:::${pattern}`);
  return describedPolicy(
    {
      name: "protect-logging",
      type: "SERVICE_CONTROL_POLICY",
      description:
        "CloudTrail, AWS Config, VPC flow logs, DNS query logs, the log archive buckets and the evidence bucket can't be stopped, changed or deleted",
      criteria: ["CC7.2", "CC7.1", "CC8.1"],
    },
    [
      {
        summary:
          "CloudTrail trails can't be stopped, deleted, updated or have their event selectors changed.",
        statement: {
          Sid: "ProtectCloudTrail",
          Effect: "Deny",
          Action: [
            "cloudtrail:StopLogging",
            "cloudtrail:DeleteTrail",
            "cloudtrail:UpdateTrail",
            "cloudtrail:PutEventSelectors",
            "cloudtrail:PutInsightSelectors",
          ],
          Resource: "*",
          Condition: exempt,
        },
      },
      {
        summary:
          "AWS Config recorders, delivery channels, rules, aggregators, conformance packs and retention can't be changed or removed.",
        statement: {
          Sid: "ProtectConfig",
          Effect: "Deny",
          Action: [
            "config:DeleteConfigurationRecorder",
            "config:StopConfigurationRecorder",
            "config:PutConfigurationRecorder",
            "config:DeleteDeliveryChannel",
            "config:PutDeliveryChannel",
            "config:DeleteConfigRule",
            "config:DeleteOrganizationConfigRule",
            "config:DeleteConfigurationAggregator",
            "config:DeleteConformancePack",
            "config:DeleteOrganizationConformancePack",
            "config:DeleteRetentionConfiguration",
            "config:PutRetentionConfiguration",
          ],
          Resource: "*",
          Condition: exempt,
        },
      },
      {
        summary:
          "VPC flow logs can't be deleted, and Route 53 Resolver query logging can't be detached from a VPC or deleted.",
        statement: {
          Sid: "ProtectNetworkLogs",
          Effect: "Deny",
          Action: [
            "ec2:DeleteFlowLogs",
            "route53resolver:DeleteResolverQueryLogConfig",
            "route53resolver:DisassociateResolverQueryLogConfig",
          ],
          Resource: "*",
          Condition: exempt,
        },
      },
      {
        summary: `Log archive and evidence buckets (${patterns.join(", ")}) can't be deleted or have their policy, encryption, lifecycle, versioning, object lock, public access block, ACL, ownership or access logging changed.`,
        statement: {
          Sid: "ProtectLogArchiveBuckets",
          Effect: "Deny",
          Action: [
            "s3:DeleteBucket",
            "s3:PutBucketPolicy",
            "s3:PutEncryptionConfiguration",
            "s3:PutLifecycleConfiguration",
            "s3:PutBucketVersioning",
            "s3:PutBucketObjectLockConfiguration",
            "s3:PutBucketPublicAccessBlock",
            // Diverting without deleting: ACL grants back (ownership), or access logs elsewhere.
            "s3:PutBucketAcl",
            "s3:PutBucketOwnershipControls",
            "s3:PutBucketLogging",
          ],
          Resource: bucket,
          Condition: exempt,
        },
      },
      {
        summary: `Log archive and evidence bucket policies can't be deleted, except by a root session unlocking a policy that denies everyone (S3UnlockBucketPolicy), after which the pipeline puts it back.`,
        statement: {
          Sid: "ProtectLogArchiveBucketPolicies",
          Effect: "Deny",
          Action: "s3:DeleteBucketPolicy",
          Resource: bucket,
          Condition: unlessExemptOrRootSession(context),
        },
      },
    ],
  );
}
