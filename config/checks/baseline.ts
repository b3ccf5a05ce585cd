import type { ConfigProblem } from "../loader/config-problem";
import type { SemanticCheck } from "./semantic-check";

/** AWS Backup keeps recovery points in cold storage for at least 90 days. */
const COLD_STORAGE_MINIMUM_DAYS = 90;
/** Continuous backups (point-in-time recovery) are kept at most 35 days. */
const CONTINUOUS_BACKUP_MAXIMUM_DAYS = 35;

/** Backup settings AWS would refuse at apply time, found at synth instead. */
export const checkBaseline: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const governed = organization.config.governedRegions;
  const problems: ConfigProblem[] = [];
  for (const { file, config } of environments) {
    const backup = config.baseline.backup;
    if (!backup) continue;
    const problem = (
      path: readonly PropertyKey[],
      message: string,
      received: unknown,
      fix: string,
    ) => problems.push({ file, path: ["baseline", "backup", ...path], message, received, fix });
    const lock = backup.vaultLock;
    if (lock && lock.minRetentionDays > lock.maxRetentionDays) {
      problem(
        ["vaultLock", "minRetentionDays"],
        `is more than maxRetentionDays (${lock.maxRetentionDays})`,
        lock.minRetentionDays,
        "Swap the bounds: minimum first, then maximum.",
      );
    }
    const names = backup.plans.map((plan) => plan.name);
    backup.plans.forEach((plan, index) => {
      if (names.indexOf(plan.name) !== index)
        problem(
          ["plans", index, "name"],
          "names a second plan with this name",
          plan.name,
          "Give each plan its own name.",
        );
      const lifecycles = [
        { path: ["plans", index], retention: plan.retentionDays, cold: plan.coldStorageAfterDays },
        ...plan.copyTo.map((copy, copyIndex) => ({
          path: ["plans", index, "copyTo", copyIndex],
          retention: copy.retentionDays,
          cold: copy.coldStorageAfterDays,
        })),
      ];
      for (const lifecycle of lifecycles) {
        if (
          lifecycle.cold !== undefined &&
          lifecycle.retention < lifecycle.cold + COLD_STORAGE_MINIMUM_DAYS
        ) {
          problem(
            [...lifecycle.path, "retentionDays"],
            `is less than coldStorageAfterDays + ${COLD_STORAGE_MINIMUM_DAYS} (${lifecycle.cold + COLD_STORAGE_MINIMUM_DAYS}), which AWS requires`,
            lifecycle.retention,
            "Keep recovery points longer, move them to cold storage later, or drop cold storage.",
          );
        }
        if (
          // Inverted bounds are reported once, above; every retention would look out of them.
          lock &&
          lock.minRetentionDays <= lock.maxRetentionDays &&
          (lifecycle.retention < lock.minRetentionDays ||
            lifecycle.retention > lock.maxRetentionDays)
        ) {
          problem(
            [...lifecycle.path, "retentionDays"],
            `is outside the vault lock's ${lock.minRetentionDays}–${lock.maxRetentionDays} days, so the backups would fail`,
            lifecycle.retention,
            "Keep retention within the vault lock's bounds.",
          );
        }
      }
      plan.copyTo.forEach((copy, copyIndex) => {
        if (!governed.includes(copy.region)) {
          problem(
            ["plans", index, "copyTo", copyIndex, "region"],
            "is not a governed region",
            copy.region,
            `Copy to one of ${governed.join(", ")}.`,
          );
        }
      });
      if (plan.continuousBackup && plan.retentionDays > CONTINUOUS_BACKUP_MAXIMUM_DAYS) {
        problem(
          ["plans", index, "retentionDays"],
          `is more than the ${CONTINUOUS_BACKUP_MAXIMUM_DAYS} days continuous backups are kept`,
          plan.retentionDays,
          "Use a separate snapshot plan for longer retention.",
        );
      }
    });
  }
  return problems;
};
