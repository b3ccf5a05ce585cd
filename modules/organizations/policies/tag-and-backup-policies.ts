import type {
  BackupPolicyConfig,
  GuardrailsConfig,
} from "../../../config/schema/guardrails-schema";
import { backupRoleName, backupVaultName } from "../../../contracts/resource-names";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";

type TagPolicyConfig = NonNullable<GuardrailsConfig["tagPolicy"]>;

/** Required tag keys with their capitalization and allowed values, enforced where configured. */
export function tagPolicy(config: TagPolicyConfig): OrganizationPolicy {
  const entries = Object.entries(config.tags).sort(([a], [b]) => a.localeCompare(b));
  const tags = Object.fromEntries(
    entries.map(([key, values]) => [
      key.toLowerCase(),
      {
        tag_key: { "@@assign": key },
        ...(values.length > 0 ? { tag_value: { "@@assign": values } } : {}),
        ...(config.enforcedFor.length > 0
          ? { enforced_for: { "@@assign": config.enforcedFor } }
          : {}),
      },
    ]),
  );
  return {
    name: "tag-policy",
    type: "TAG_POLICY",
    description:
      "Tag keys have one spelling and allowed values, so ownership and classification are reliable",
    criteria: ["CC2.1", "C1.1", "CC6.1"],
    content: { tags },
    summary: entries.map(
      ([key, values]) =>
        `${key}: ${values.length > 0 ? values.join(", ") : "any value"}${config.enforcedFor.length > 0 ? `; enforced for ${config.enforcedFor.join(", ")}` : ""}.`,
    ),
  };
}

/** An organization backup plan every account under the OU runs in every governed region. */
export function backupPolicy(
  config: BackupPolicyConfig,
  context: PolicyContext,
): OrganizationPolicy {
  const vaultName = config.vaultName ?? backupVaultName(context.resourcePrefix);
  const roleName = config.roleName ?? backupRoleName(context.resourcePrefix);
  return {
    name: config.name,
    type: "BACKUP_POLICY",
    description: `Resources tagged ${config.selectionTag.key}=${config.selectionTag.values.join("|")} under ${config.ou} are backed up and kept ${config.retentionDays} days`,
    criteria: ["A1.2", "CC9.1"],
    content: {
      plans: {
        [config.name]: {
          regions: { "@@assign": [...context.governedRegions] },
          rules: {
            scheduled: {
              schedule_expression: { "@@assign": config.schedule },
              target_backup_vault_name: { "@@assign": vaultName },
              lifecycle: { delete_after_days: { "@@assign": String(config.retentionDays) } },
            },
          },
          selections: {
            tags: {
              tagged: {
                iam_role_arn: {
                  "@@assign": `arn:${context.partition}:iam::$account:role/${roleName}`,
                },
                tag_key: { "@@assign": config.selectionTag.key },
                tag_value: { "@@assign": config.selectionTag.values },
              },
            },
          },
        },
      },
    },
    summary: [
      `${config.schedule} into ${vaultName}, kept ${config.retentionDays} days, in ${context.governedRegions.join(", ")}.`,
    ],
  };
}
