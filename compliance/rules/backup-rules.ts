import { block, blocks, expectThat, isSetString, nonCompliant, COMPLIANT } from "./rule";
import type { Rule, TerraformJson } from "./rule";
import { IMMUTABLE_VAULT_TAG_KEY } from "../../contracts/tags";

const PLAN = ["aws_backup_plan"];
const copyActions = (rule: TerraformJson) => blocks(rule.copy_action);

export const BACKUP_RULES: readonly Rule[] = [
  {
    id: "LZ-BKP-001",
    criteria: ["CC6.1", "A1.2"],
    title: "Backup vaults are encrypted with a customer-managed key",
    fix: "Set kms_key_arn on the vault.",
    appliesTo: ["aws_backup_vault"],
    check: (vault) => expectThat(isSetString(vault.body.kms_key_arn), "has no KMS key"),
  },
  {
    id: "LZ-BKP-002",
    criteria: ["A1.2", "C1.2"],
    title: "Every backup rule has a lifecycle",
    fix: "Give each rule a lifecycle with delete_after, so recovery points expire as the retention policy says.",
    appliesTo: PLAN,
    check: (plan) => {
      const without = blocks(plan.body.rule).filter(
        (rule) => block(rule.lifecycle)?.delete_after === undefined,
      );
      return expectThat(
        without.length === 0,
        `has rules without a lifecycle: ${without.map((rule) => rule.rule_name).join(", ")}`,
      );
    },
  },
  {
    id: "LZ-BKP-003",
    criteria: ["A1.2", "C1.2"],
    title: "Every copy action has a lifecycle (a copy without one is kept forever)",
    fix: "Give each copy_action a lifecycle with delete_after.",
    appliesTo: PLAN,
    check: (plan) => {
      const without = blocks(plan.body.rule).filter((rule) =>
        copyActions(rule).some((copy) => block(copy.lifecycle)?.delete_after === undefined),
      );
      return expectThat(
        without.length === 0,
        `copies without a lifecycle in: ${without.map((rule) => rule.rule_name).join(", ")}`,
      );
    },
  },
  {
    id: "LZ-BKP-004",
    criteria: ["A1.2"],
    title: "Backups are kept at least the configured minimum",
    fix: "In the environment file, raise baseline.backup.plans[].retentionDays and copyTo[].retentionDays to at least compliance.minimumBackupRetentionDays (organization.yaml), or add a suppression with a justification.",
    appliesTo: PLAN,
    check: (plan, { settings }) => {
      for (const rule of blocks(plan.body.rule)) {
        const retentions = [rule, ...copyActions(rule)]
          .map((holder) => block(holder.lifecycle)?.delete_after)
          .filter((days): days is number => typeof days === "number");
        const short = retentions.find((days) => days < settings.minimumBackupRetentionDays);
        if (short !== undefined) {
          return nonCompliant(
            `rule ${String(rule.rule_name)} keeps backups ${short} days, less than ${settings.minimumBackupRetentionDays}`,
          );
        }
      }
      return COMPLIANT;
    },
  },
];

export const VAULT_LOCK_RULE: Rule = {
  id: "LZ-BKP-005",
  criteria: ["A1.2", "CC7.5"],
  title: "Vaults that must be immutable have Vault Lock with retention bounds",
  fix: "Add an aws_backup_vault_lock_configuration with min_retention_days and max_retention_days for the vault.",
  appliesTo: ["aws_backup_vault"],
  check: (vault, context) => {
    const tags = vault.body.tags as Record<string, string> | undefined;
    if (tags?.[IMMUTABLE_VAULT_TAG_KEY] !== "true") return { status: "not-applicable" };
    const locks = context.referencing(
      "aws_backup_vault_lock_configuration",
      "backup_vault_name",
      vault,
      vault.body.name,
    );
    return expectThat(
      locks.some(
        (lock) =>
          typeof lock.body.min_retention_days === "number" &&
          typeof lock.body.max_retention_days === "number",
      ),
      "must be immutable but has no Vault Lock with retention bounds",
    );
  },
};
