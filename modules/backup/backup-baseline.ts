import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupRestoreTestingPlan } from "@cdktf/provider-aws/lib/backup-restore-testing-plan";
import { BackupRestoreTestingSelection } from "@cdktf/provider-aws/lib/backup-restore-testing-selection";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { BackupVaultNotifications } from "@cdktf/provider-aws/lib/backup-vault-notifications";
import { BackupVaultPolicy } from "@cdktf/provider-aws/lib/backup-vault-policy";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { BackupPlanConfig } from "../../config/schema/baseline-schema";
import { BACKUP_SELECTION_TAG_KEY, IMMUTABLE_VAULT_TAG_KEY } from "../../contracts/tags";
import { renderPolicy } from "../iam/policy-document";
import { ServiceRole } from "../iam/service-role";
import { KmsKey } from "../kms/kms-key";
import { backupKeyPolicy, vaultAccessPolicy } from "./backup-policies";
import { backupRoleName, backupVaultName } from "../../contracts/resource-names";

export const BACKUP_CONTROL = defineControl({
  id: "backup-and-recovery",
  description:
    "Tagged resources are backed up on schedule into encrypted vaults that only break glass can empty, copied across regions where configured, and restores are tested",
  criteria: ["A1.2", "A1.3", "CC7.5", "CC9.1"],
});

/** Failed or aborted jobs, which the security topic hears about. */
export const VAULT_EVENTS = [
  "BACKUP_JOB_FAILED",
  "COPY_JOB_FAILED",
  "RESTORE_JOB_FAILED",
  "S3_BACKUP_OBJECT_FAILED",
  "S3_RESTORE_OBJECT_FAILED",
];

/** Resource types restored by restore testing, to prove recovery works. */
export const RESTORE_TESTED_TYPES = ["EBS", "DynamoDB"];

/** AWS Backup Vault Lock in compliance mode: nobody deletes a recovery point early. */
export interface VaultLockProps {
  readonly minRetentionDays: number;
  readonly maxRetentionDays: number;
  /** Grace days before the lock becomes immutable. */
  readonly changeableForDays: number;
}

export interface RestoreTestingProps {
  /** When restore tests run: an AWS cron expression. */
  readonly schedule: string;
  /** Hours a restored resource is kept for validation before it is deleted. */
  readonly validationWindowHours: number;
}

export interface BackupBaselineProps {
  readonly namePrefix: string;
  readonly regions: readonly string[];
  /** Backup plans, made in every region; a resource tagged `backup=<plan name>` joins one. */
  readonly plans: readonly BackupPlanConfig[];
  /**
   * Locks every vault, and tags it immutable so LZ-BKP-005 holds it to the lock.
   * @default no Vault Lock
   */
  readonly vaultLock?: VaultLockProps;
  /**
   * Restores the latest EBS and DynamoDB recovery points on a schedule, in every region.
   * @default no restore testing
   */
  readonly restoreTesting?: RestoreTestingProps;
  readonly accountId: string;
  readonly partition: string;
  readonly breakGlassPermissionSet: string;
  /** The roles the pipeline applies this account's baseline with: they may update the vault policy. */
  readonly pipelineRoleNames: readonly string[];
  /** The security topic of a region: vault notifications go to the topic in the vault's region. */
  readonly securityTopicArn: (region: string) => string;
}

/**
 * AWS Backup in every governed region of one account: a vault with its own KMS key, an access
 * policy and (where asked) Vault Lock in compliance mode, failure notifications, plans selecting
 * resources by tag, cross-region copies with lifecycles, and restore testing.
 */
export class BackupBaseline extends Construct {
  constructor(scope: Construct, id: string, props: BackupBaselineProps) {
    super(scope, id);
    implementsControl(this, BACKUP_CONTROL);
    const { vaultLock, restoreTesting, partition } = props;
    const role = new ServiceRole(this, "service-role", {
      roleName: backupRoleName(props.namePrefix),
      description: "Lets AWS Backup back up and restore this account's tagged resources",
      service: "backup.amazonaws.com",
      accountId: props.accountId,
      partition,
      managedPolicies: [
        "service-role/AWSBackupServiceRolePolicyForBackup",
        "service-role/AWSBackupServiceRolePolicyForRestores",
      ],
    });
    const vaultName = backupVaultName(props.namePrefix);
    const vaults = new Map<string, BackupVault>();
    for (const region of props.regions) {
      const key = new KmsKey(this, `key-${region}`, {
        region,
        alias: `${props.namePrefix}/backup`,
        description: "Encrypts this account's recovery points",
        policy: backupKeyPolicy(partition, props.accountId),
      });
      const vault = new BackupVault(this, `vault-${region}`, {
        region,
        name: vaultName,
        kmsKeyArn: key.arn,
        forceDestroy: false,
        // Marks the vaults config asked to be immutable, so LZ-BKP-005 can hold them to it.
        tags: vaultLock ? { [IMMUTABLE_VAULT_TAG_KEY]: "true" } : undefined,
        lifecycle: { preventDestroy: true },
      });
      vaults.set(region, vault);
      new BackupVaultPolicy(this, `vault-policy-${region}`, {
        region,
        backupVaultName: vault.name,
        policy: renderPolicy(
          vaultAccessPolicy(
            partition,
            props.breakGlassPermissionSet,
            props.pipelineRoleNames.map(
              (name) => `arn:${partition}:iam::${props.accountId}:role/${name}`,
            ),
          ),
        ),
      });
      if (vaultLock) {
        new BackupVaultLockConfiguration(this, `vault-lock-${region}`, {
          region,
          backupVaultName: vault.name,
          minRetentionDays: vaultLock.minRetentionDays,
          maxRetentionDays: vaultLock.maxRetentionDays,
          changeableForDays: vaultLock.changeableForDays,
        });
      }
      new BackupVaultNotifications(this, `vault-notifications-${region}`, {
        region,
        backupVaultName: vault.name,
        snsTopicArn: props.securityTopicArn(region),
        backupVaultEvents: VAULT_EVENTS,
      });
    }
    for (const region of props.regions) {
      for (const plan of props.plans) {
        const backupPlan = new BackupPlan(this, `plan-${plan.name}-${region}`, {
          region,
          name: `${props.namePrefix}-${plan.name}`,
          rule: [
            {
              ruleName: plan.name,
              targetVaultName: vaults.get(region)!.name,
              schedule: plan.schedule,
              startWindow: plan.startWindowMinutes,
              completionWindow: plan.completionWindowMinutes,
              enableContinuousBackup: plan.continuousBackup,
              lifecycle: {
                deleteAfter: plan.retentionDays,
                coldStorageAfter: plan.coldStorageAfterDays,
              },
              copyAction: plan.copyTo
                .filter((copy) => copy.region !== region)
                .map((copy) => ({
                  destinationVaultArn: vaults.get(copy.region)!.arn,
                  lifecycle: {
                    deleteAfter: copy.retentionDays,
                    coldStorageAfter: copy.coldStorageAfterDays,
                  },
                })),
            },
          ],
        });
        new BackupSelection(this, `selection-${plan.name}-${region}`, {
          region,
          name: `${props.namePrefix}-${plan.name}`,
          planId: backupPlan.id,
          iamRoleArn: role.arn,
          selectionTag: [{ type: "STRINGEQUALS", key: BACKUP_SELECTION_TAG_KEY, value: plan.name }],
        });
      }
      if (restoreTesting) {
        const testingPlanName = `${props.namePrefix.replaceAll("-", "_")}_restore_testing`;
        const testing = new BackupRestoreTestingPlan(this, `restore-testing-${region}`, {
          region,
          name: testingPlanName,
          scheduleExpression: restoreTesting.schedule,
          recoveryPointSelection: [
            {
              algorithm: "LATEST_WITHIN_WINDOW",
              includeVaults: [vaults.get(region)!.arn],
              recoveryPointTypes: ["SNAPSHOT"],
              selectionWindowDays: 7,
            },
          ],
        });
        for (const type of RESTORE_TESTED_TYPES) {
          new BackupRestoreTestingSelection(
            this,
            `restore-testing-${type.toLowerCase()}-${region}`,
            {
              region,
              name: `${type.toLowerCase()}_latest`,
              restoreTestingPlanName: testing.name,
              protectedResourceType: type,
              protectedResourceArns: ["*"],
              iamRoleArn: role.arn,
              validationWindowHours: restoreTesting.validationWindowHours,
            },
          );
        }
      }
    }
  }
}
