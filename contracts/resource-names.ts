/**
 * Names and name patterns the guardrails protect. The resources are created under these names
 * and the SCPs deny changes by these patterns, so each is derived here, once: a rename on one
 * side only would leave a resource unprotected or a guardrail denying nothing.
 */

/** The log archive's buckets: `<prefix>-log-archive-<purpose>-<management account id>`. */
export function logArchiveBucketPattern(resourcePrefix: string): string {
  return `${resourcePrefix}-log-archive-*`;
}

/**
 * The SOC 2 evidence bucket in the log archive account, where the scheduled evidence workflow
 * uploads its snapshots: `<prefix>-evidence-<management account id>`.
 */
export function evidenceBucketName(resourcePrefix: string, managementAccountId: string): string {
  return `${resourcePrefix}-evidence-${managementAccountId}`;
}

/** Evidence buckets the guardrails protect, as log archive buckets are. */
export function evidenceBucketPattern(resourcePrefix: string): string {
  return `${resourcePrefix}-evidence-*`;
}

/**
 * An organization policy's name in AWS: the policy's name in config under the prefix. Evidence
 * collection finds the landing zone's policies by it, to compare what is attached with config.
 */
export function organizationPolicyName(resourcePrefix: string, policyName: string): string {
  return `${resourcePrefix}-${policyName}`;
}

/**
 * The organization conformance pack of the SOC 2 Config rules. Evidence collection recognises it
 * by this name (in member accounts, as `OrgConformsPack-<name>-<suffix>`).
 */
export const soc2ConformancePackName = (resourcePrefix: string) => `${resourcePrefix}-soc2`;

/** Every landing-zone KMS key has an alias under this prefix (without `alias/`). */
export function keyAlias(resourcePrefix: string, purpose: string): string {
  return `${resourcePrefix}/${purpose}`;
}

/** The alias pattern, with `alias/`, that SCPs match keys and aliases by. */
export function keyAliasPattern(resourcePrefix: string): string {
  return `alias/${keyAlias(resourcePrefix, "*")}`;
}

/** The state key's alias purpose; the plan role may use the key for lock files. */
export const STATE_KEY_PURPOSE = "terraform-state";

/**
 * What the backup baseline names in every account. The organization backup policies name them
 * too: a policy that names a vault or role the account doesn't have backs nothing up.
 */
export const backupVaultName = (resourcePrefix: string) => `${resourcePrefix}-vault`;
export const backupRoleName = (resourcePrefix: string) => `${resourcePrefix}-backup`;

/** Backup vaults the guardrails protect: every vault under the prefix. */
export const backupVaultPattern = (resourcePrefix: string) => `${resourcePrefix}-*`;

/**
 * Bucket names that hold logs, state, reports or evidence snapshots: a change record flags changes
 * to them for the reviewer, since these buckets are evidence, unlike application buckets.
 */
export const EVIDENCE_BUCKET_NAME =
  /log-archive|access-logs|terraform-state|backup-reports|-evidence-\d{12}$/;
