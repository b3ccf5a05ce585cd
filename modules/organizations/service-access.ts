/**
 * Services trusted to act across the organization: each one the landing zone manages centrally
 * needs this before a delegated administrator or an organization-wide setting can exist.
 */
export const ORGANIZATION_SERVICE_PRINCIPALS = [
  "access-analyzer.amazonaws.com",
  // Account Management: opting every account into governed opt-in regions from the management
  // account.
  "account.amazonaws.com",
  "backup.amazonaws.com",
  "cloudtrail.amazonaws.com",
  "config-multiaccountsetup.amazonaws.com",
  "config.amazonaws.com",
  "guardduty.amazonaws.com",
  // Centralized root access: root sessions (sts:AssumeRoot) are the only way in for tasks that
  // need the root user, such as unlocking a bucket whose policy denies everyone.
  "iam.amazonaws.com",
  "inspector2.amazonaws.com",
  // VPC IP Address Manager and RAM: an organization IPAM whose pools are shared with each
  // environment's OU. Enabled whether or not config has an IPAM: trusted access grants nothing
  // by itself, and an IPAM added later then needs no organization change applied before it.
  "ipam.amazonaws.com",
  "macie.amazonaws.com",
  "ram.amazonaws.com",
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
