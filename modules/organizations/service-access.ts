/**
 * Services trusted to act across the organization: each one the landing zone manages centrally
 * needs this before a delegated administrator or an organization-wide setting can exist.
 */
export const ORGANIZATION_SERVICE_PRINCIPALS = [
  "access-analyzer.amazonaws.com",
  "backup.amazonaws.com",
  "cloudtrail.amazonaws.com",
  "config-multiaccountsetup.amazonaws.com",
  "config.amazonaws.com",
  "guardduty.amazonaws.com",
  // Centralized root access: root sessions (sts:AssumeRoot) are the only way in for tasks that
  // need the root user, such as unlocking a bucket whose policy denies everyone.
  "iam.amazonaws.com",
  "inspector2.amazonaws.com",
  "macie.amazonaws.com",
  "securityhub.amazonaws.com",
  "ssm.amazonaws.com",
  "sso.amazonaws.com",
] as const;

/** Policy types the guardrail capabilities attach; enabling them is an organization setting. */
export const ORGANIZATION_POLICY_TYPES = [
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "TAG_POLICY",
  "BACKUP_POLICY",
] as const;
