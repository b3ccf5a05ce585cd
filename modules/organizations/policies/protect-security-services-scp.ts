import { allOf, describedPolicy, unlessExempt } from "./organization-policy";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";
import { backupVaultPattern, keyAliasPattern } from "../../../contracts/resource-names";
import { MANAGED_BY_TAG } from "../../../contracts/tags";

/** Keeps detection, encryption and recovery switched on in every member account. */
export function protectSecurityServicesScp(context: PolicyContext): OrganizationPolicy {
  const exempt = unlessExempt(context);
  return describedPolicy(
    {
      name: "protect-security-services",
      type: "SERVICE_CONTROL_POLICY",
      description:
        "Security services stay on, landing-zone keys and backups stay usable, and account-wide encryption and public access blocks stay set",
      criteria: ["CC6.1", "CC6.6", "CC6.8", "CC7.2", "A1.2"],
    },
    [
      {
        summary:
          "GuardDuty, Security Hub, IAM Access Analyzer, Macie and Inspector can't be disabled, disassociated or blinded: no auto-archive, suppression or automation rule, trusted IP list, disabled standard or removed findings export.",
        statement: {
          Sid: "KeepSecurityServicesOn",
          Effect: "Deny",
          Action: [
            "guardduty:DeleteDetector",
            "guardduty:UpdateDetector",
            "guardduty:DisassociateFromAdministratorAccount",
            "guardduty:DisassociateFromMasterAccount",
            "guardduty:DeleteMembers",
            "guardduty:DisassociateMembers",
            "guardduty:StopMonitoringMembers",
            // Blinding without disabling: findings archived or suppressed as they arrive, or
            // never exported to the log archive.
            "guardduty:CreateFilter",
            "guardduty:UpdateFilter",
            "guardduty:CreateIPSet",
            "guardduty:UpdateIPSet",
            "guardduty:DeletePublishingDestination",
            "guardduty:UpdatePublishingDestination",
            "securityhub:DisableSecurityHub",
            "securityhub:DisassociateFromAdministratorAccount",
            "securityhub:DisassociateFromMasterAccount",
            "securityhub:DeleteMembers",
            "securityhub:DisassociateMembers",
            "securityhub:BatchDisableStandards",
            "securityhub:CreateAutomationRule",
            "securityhub:BatchUpdateAutomationRules",
            "access-analyzer:DeleteAnalyzer",
            "access-analyzer:CreateArchiveRule",
            "access-analyzer:UpdateArchiveRule",
            "macie2:DisableMacie",
            "macie2:DisassociateFromAdministratorAccount",
            "macie2:DisassociateFromMasterAccount",
            "macie2:CreateFindingsFilter",
            "macie2:UpdateFindingsFilter",
            "inspector2:Disable",
            "inspector2:DisassociateMember",
            "inspector2:CreateFilter",
            "inspector2:UpdateFilter",
          ],
          Resource: "*",
          Condition: exempt,
        },
      },
      {
        summary: `Landing-zone KMS keys (${keyAliasPattern(context.resourcePrefix)}) can't be scheduled for deletion, disabled or given another key policy.`,
        statement: {
          Sid: "ProtectLandingZoneKeys",
          Effect: "Deny",
          Action: [
            "kms:ScheduleKeyDeletion",
            "kms:DisableKey",
            "kms:DisableKeyRotation",
            "kms:PutKeyPolicy",
          ],
          Resource: "*",
          Condition: allOf(exempt, {
            "ForAnyValue:StringLike": {
              "kms:ResourceAliases": keyAliasPattern(context.resourcePrefix),
            },
          }),
        },
      },
      {
        summary: `The aliases that mark landing-zone keys (${keyAliasPattern(context.resourcePrefix)}) can't be deleted, moved or claimed, so the key statement's condition can't be taken away first.`,
        statement: {
          Sid: "ProtectLandingZoneKeyAliases",
          Effect: "Deny",
          Action: ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"],
          Resource: `arn:${context.partition}:kms:*:*:${keyAliasPattern(context.resourcePrefix)}`,
          Condition: exempt,
        },
      },
      {
        summary: `Landing-zone backup vaults (${backupVaultPattern(context.resourcePrefix)}) can't be deleted or unlocked, and no recovery point can be deleted or shortened.`,
        statement: {
          Sid: "ProtectBackupVaults",
          Effect: "Deny",
          Action: [
            "backup:DeleteBackupVault",
            "backup:DeleteBackupVaultAccessPolicy",
            "backup:PutBackupVaultAccessPolicy",
            "backup:DeleteBackupVaultLockConfiguration",
            "backup:DeleteBackupVaultNotifications",
            "backup:DeleteRecoveryPoint",
            "backup:UpdateRecoveryPointLifecycle",
          ],
          Resource: [
            `arn:${context.partition}:backup:*:*:backup-vault:${backupVaultPattern(context.resourcePrefix)}`,
            `arn:${context.partition}:backup:*:*:recovery-point:*`,
          ],
          Condition: exempt,
        },
      },
      {
        summary: `Backup plans the landing zone manages (tagged ${MANAGED_BY_TAG.key}=${MANAGED_BY_TAG.value}) can't be changed, deleted or retagged, so the tag the statement keys on can't be taken away first.`,
        statement: {
          Sid: "ProtectBackupPlans",
          Effect: "Deny",
          Action: [
            "backup:DeleteBackupPlan",
            "backup:UpdateBackupPlan",
            "backup:DeleteBackupSelection",
            "backup:TagResource",
            "backup:UntagResource",
          ],
          Resource: "*",
          Condition: allOf(exempt, {
            StringEquals: { [`aws:ResourceTag/${MANAGED_BY_TAG.key}`]: MANAGED_BY_TAG.value },
          }),
        },
      },
      {
        summary: "EBS encryption by default can't be turned off.",
        statement: {
          Sid: "KeepEbsEncryption",
          Effect: "Deny",
          Action: "ec2:DisableEbsEncryptionByDefault",
          Resource: "*",
          Condition: exempt,
        },
      },
      {
        summary: "The account-level S3 public access block can't be changed.",
        statement: {
          Sid: "KeepS3AccountPublicAccessBlock",
          Effect: "Deny",
          Action: "s3:PutAccountPublicAccessBlock",
          Resource: "*",
          Condition: exempt,
        },
      },
    ],
  );
}
