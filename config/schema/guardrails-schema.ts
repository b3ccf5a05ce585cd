import { z } from "zod";
import { AwsCron } from "./aws-cron";
import { OuPath } from "./primitives";

const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: "is not a valid IAM role name" });

const PolicyName = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, {
  error: "must be a lowercase slug such as deny-gpu-instances",
});

const Target = z
  .string()
  .min(1)
  .describe('"Root", an OU path such as "Workloads/Production", or an account name.');

const BackupPolicySchema = z.strictObject({
  name: PolicyName.describe("Policy name, unique among all organization policies."),
  ou: OuPath.describe("OU the backup policy attaches to."),
  schedule: AwsCron.describe("When backups run, as an AWS cron expression."),
  retentionDays: z
    .number()
    .int()
    .min(1)
    .max(36500)
    .describe("Days each recovery point is kept; at least compliance.minimumBackupRetentionDays."),
  vaultName: z
    .string()
    .min(2)
    .max(50)
    .optional()
    .describe(
      "Backup vault in each account. Default: the vault the backup baseline creates, <resourcePrefix>-vault.",
    ),
  roleName: RoleName.optional().describe(
    "Role AWS Backup uses in each account. Default: the role the backup baseline creates, <resourcePrefix>-backup.",
  ),
  selectionTag: z
    .strictObject({
      key: z
        .string()
        .min(1)
        .describe(
          "Tag key, case-sensitive; the account baselines tag what they back up by the key backup.",
        ),
      values: z.array(z.string().min(1)).min(1).describe("Tag values that select a resource."),
    })
    .describe("Resources with this tag and one of these values are backed up."),
});

const CustomPolicySchema = z.strictObject({
  name: PolicyName.describe("Policy name, unique among all organization policies."),
  type: z
    .enum(["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY"])
    .describe("Organizations policy type; it decides the checks and the limits that apply."),
  description: z
    .string()
    .min(1)
    .max(512)
    .describe("What the policy stops or requires, for the inventory."),
  file: z
    .string()
    .regex(/^[\w./-]+\.json$/, { error: "must be a .json file beside organization.yaml" })
    .describe("Policy document, a JSON file beside organization.yaml."),
});

export const GuardrailsConfigSchema = z
  .strictObject({
    exemptRoleNames: z
      .array(RoleName)
      .min(1, { error: "is empty; name the role(s) the landing-zone pipeline deploys with" })
      .describe(
        "Roles that deploy the landing zone (in every account); only they may change what guardrails protect.",
      ),
    breakGlassPermissionSet: z
      .string()
      .regex(/^[\w+=,.@-]{1,32}$/, { error: "is not a valid permission set name" })
      .describe(
        "The Identity Center permission set of emergency access. Its sessions are exempt from the guardrails, may assume the deploy role from the management account, and alarm the security contacts.",
      ),
    tagPolicy: z
      .strictObject({
        tags: z
          .record(z.string().min(1).max(128), z.array(z.string().min(1)).default([]))
          .describe(
            "Required tag keys with their allowed values (an empty list allows any value).",
          ),
        enforcedFor: z
          .array(
            z
              .string()
              .regex(/^[a-z0-9-]+:[\w-]+$/, { error: "is not a resource type such as s3:bucket" }),
          )
          .default([])
          .describe("Resource types on which non-compliant tags are refused."),
      })
      .optional()
      .describe("Tag policy: required keys and values."),
    backupPolicies: z
      .array(BackupPolicySchema)
      .default([])
      .describe("Organization backup policies, one per OU."),
    customPolicies: z
      .array(CustomPolicySchema)
      .default([])
      .describe("Your own policies, from JSON files."),
    dataPerimeter: z
      .boolean()
      .default(false)
      .describe("Build the RCP that refuses S3 and KMS access from outside the organization."),
    attachments: z
      .record(PolicyName, z.array(Target).min(1))
      .default({
        "organization-integrity": ["Root"],
        "protect-logging": ["Root"],
        "protect-security-services": ["Root"],
        "rcp-tls-only": ["Root"],
      })
      .describe("Where each policy attaches: policy name → targets."),
    limits: z
      .strictObject({
        serviceControlPolicyCharacters: z
          .number()
          .int()
          .positive()
          .default(5120)
          .describe("Largest SCP, in characters as submitted (minified)."),
        resourceControlPolicyCharacters: z
          .number()
          .int()
          .positive()
          .default(5120)
          .describe("Largest RCP, in characters as submitted (minified)."),
        tagPolicyCharacters: z
          .number()
          .int()
          .positive()
          .default(10000)
          .describe("Largest tag policy, in characters."),
        backupPolicyCharacters: z
          .number()
          .int()
          .positive()
          .default(10000)
          .describe("Largest backup policy, in characters."),
        serviceControlPoliciesPerTarget: z
          .number()
          .int()
          .positive()
          .default(5)
          .describe("SCPs attached to one root, OU or account, FullAWSAccess included."),
        resourceControlPoliciesPerTarget: z
          .number()
          .int()
          .positive()
          .default(5)
          .describe("RCPs attached to one root, OU or account, RCPFullAWSAccess included."),
      })
      .default({
        serviceControlPolicyCharacters: 5120,
        resourceControlPolicyCharacters: 5120,
        tagPolicyCharacters: 10000,
        backupPolicyCharacters: 10000,
        serviceControlPoliciesPerTarget: 5,
        resourceControlPoliciesPerTarget: 5,
      })
      .describe("AWS quotas to check at synth; raise them only if AWS raised yours."),
  })
  .describe(
    "Organization policies: exemptions, attachments, tag and backup policies, custom policies.",
  );

export type GuardrailsConfig = z.output<typeof GuardrailsConfigSchema>;
export type BackupPolicyConfig = GuardrailsConfig["backupPolicies"][number];
