import { BACKUP_SELECTION_TAG_KEY } from "../../contracts/tags";
import type { ConfigProblem } from "../loader/config-problem";
import type { SemanticCheck } from "./semantic-check";

/** Organization backup policies keep backups as long as the compliance minimum, and select what the baselines tag. */
export const checkBackupPolicies: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const { file, config } = organization;
  const minimum = config.compliance.minimumBackupRetentionDays;
  const problems: ConfigProblem[] = [];
  config.guardrails.backupPolicies.forEach((policy, index) => {
    const path = ["guardrails", "backupPolicies", index];
    if (policy.retentionDays < minimum)
      problems.push({
        file,
        path: [...path, "retentionDays"],
        message: `is less than compliance.minimumBackupRetentionDays (${minimum})`,
        received: policy.retentionDays,
        fix: `Keep recovery points at least ${minimum} days, or lower the compliance minimum with a reason.`,
      });
    const key = policy.selectionTag.key;
    if (key !== BACKUP_SELECTION_TAG_KEY && key.toLowerCase() === BACKUP_SELECTION_TAG_KEY)
      problems.push({
        file,
        path: [...path, "selectionTag", "key"],
        message: `differs only in case from the tag key the account baselines select by ("${BACKUP_SELECTION_TAG_KEY}"); AWS Backup matches tag keys case-sensitively, so this selects nothing they tag`,
        received: key,
        fix: `Write key: ${BACKUP_SELECTION_TAG_KEY}.`,
      });
  });
  return problems;
};
