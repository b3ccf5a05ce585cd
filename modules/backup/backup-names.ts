/**
 * What the backup baseline names in every account. The organization backup policies name them
 * too: a policy that names a vault or role the account doesn't have backs nothing up.
 */
export const backupVaultName = (resourcePrefix: string) => `${resourcePrefix}-vault`;
export const backupRoleName = (resourcePrefix: string) => `${resourcePrefix}-backup`;

/**
 * The tag key the baseline's plans select resources by. AWS Backup matches tag keys
 * case-sensitively, so `Backup` selects nothing the baseline tags.
 */
export const BACKUP_SELECTION_TAG_KEY = "backup";
