import { findControls } from "../../../compliance/controls/control";
import type { BackupPlanConfig } from "../../../config/schema/baseline-schema";
import {
  BACKUP_CONTROL,
  BackupBaseline,
  RESTORE_TESTED_TYPES,
  VAULT_EVENTS,
} from "../../../modules/backup/backup-baseline";
import type { BackupBaselineProps } from "../../../modules/backup/backup-baseline";
import { backupKeyPolicy } from "../../../modules/backup/backup-policies";
import { ruleViolations } from "../../helpers/rule-violations";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";

const ACCOUNT = "444455556666";
const REGIONS = ["us-east-1", "us-west-2"];

const DAILY: BackupPlanConfig = {
  name: "daily",
  schedule: "cron(0 5 * * ? *)",
  startWindowMinutes: 60,
  completionWindowMinutes: 360,
  retentionDays: 35,
  continuousBackup: true,
  copyTo: [],
};
const MONTHLY: BackupPlanConfig = {
  name: "monthly",
  schedule: "cron(0 7 1 * ? *)",
  startWindowMinutes: 120,
  completionWindowMinutes: 720,
  retentionDays: 365,
  coldStorageAfterDays: 30,
  continuousBackup: false,
  // A copy to the plan's own region is skipped: each region's plan copies to the other.
  copyTo: [
    { region: "us-west-2", retentionDays: 400, coldStorageAfterDays: 60 },
    { region: "us-east-1", retentionDays: 400, coldStorageAfterDays: 60 },
  ],
};

const PROPS: BackupBaselineProps = {
  namePrefix: "nwh",
  regions: REGIONS,
  plans: [DAILY, MONTHLY],
  accountId: ACCOUNT,
  partition: "aws",
  breakGlassPermissionSet: "BreakGlassAdmin",
  pipelineRoleNames: ["OrganizationAccountAccessRole", "nwh-lz-deploy"],
  securityTopicArn: (region) => `arn:aws:sns:${region}:111122223333:nwh-security-alerts`,
};

const synthBaseline = (props: Partial<BackupBaselineProps> = {}) =>
  synthConstruct((scope) => new BackupBaseline(scope, "backup", { ...PROPS, ...props }));
type Json = ReturnType<typeof synthConstruct>;
/** The one resource of a type whose construct id is `id` (such as vault-us-east-1). */
const named = (json: Json, type: string, id: string) => resourceNamed(json, type, `backup_${id}_`);
const regionsOf = (json: Json, type: string) =>
  Object.values(resourcesOf(json, type))
    .map((resource) => resource.region as string)
    .sort();

describe("without Vault Lock or restore testing", () => {
  let json: Json;
  beforeAll(() => {
    json = synthBaseline();
  });

  test("every rule of the guardrail pack passes", () => {
    expect(ruleViolations(json)).toEqual([]);
  });

  test("each region has its own rotating backup key, with the backup key policy", () => {
    for (const region of REGIONS) {
      const key = named(json, "aws_kms_key", `key-${region}_key`);
      expect(key).toMatchObject({
        region,
        enable_key_rotation: true,
        lifecycle: { prevent_destroy: true },
      });
      expect(JSON.parse(key.policy as string)).toEqual(backupKeyPolicy("aws", ACCOUNT));
      expect(named(json, "aws_kms_alias", `key-${region}_alias`).name).toBe("alias/nwh/backup");
    }
  });

  test("each region's vault is encrypted with that region's key, and can't be destroyed or emptied", () => {
    for (const region of REGIONS) {
      const vault = named(json, "aws_backup_vault", `vault-${region}`);
      expect(vault).toEqual({
        region,
        name: "nwh-vault",
        kms_key_arn: expect.stringMatching(
          new RegExp(`^\\$\\{aws_kms_key\\.backup_key-${region}_key_[0-9A-F]+\\.arn\\}$`),
        ),
        force_destroy: false,
        lifecycle: { prevent_destroy: true },
      });
    }
  });

  test("the vault policy spares break glass, and the pipeline's roles in this account", () => {
    const vaultPolicy = named(json, "aws_backup_vault_policy", "vault-policy-us-west-2");
    expect(vaultPolicy.region).toBe("us-west-2");
    expect(vaultPolicy.backup_vault_name).toMatch(/^\$\{aws_backup_vault\.backup_vault-us-west-2_/);
    const [deletion, policyChange] = parsedPolicy(vaultPolicy.policy as string).Statement;
    expect(deletion.Condition).toEqual({
      ArnNotLike: {
        "aws:PrincipalArn":
          "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*",
      },
    });
    expect(policyChange.Condition.ArnNotLike["aws:PrincipalArn"]).toEqual([
      "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*",
      `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`,
      `arn:aws:iam::${ACCOUNT}:role/nwh-lz-deploy`,
    ]);
  });

  test("failed jobs are reported to the security topic of the vault's own region", () => {
    for (const region of REGIONS) {
      expect(
        named(json, "aws_backup_vault_notifications", `vault-notifications-${region}`),
      ).toEqual({
        region,
        backup_vault_name: expect.stringMatching(
          new RegExp(`^\\$\\{aws_backup_vault\\.backup_vault-${region}_[0-9A-F]+\\.name\\}$`),
        ),
        sns_topic_arn: `arn:aws:sns:${region}:111122223333:nwh-security-alerts`,
        backup_vault_events: VAULT_EVENTS,
      });
    }
  });

  test("no vault is locked or tagged immutable, and nothing is restore-tested", () => {
    expect(resourcesOf(json, "aws_backup_vault_lock_configuration")).toEqual({});
    for (const vault of Object.values(resourcesOf(json, "aws_backup_vault")))
      expect(vault).not.toHaveProperty("tags");
    expect(resourcesOf(json, "aws_backup_restore_testing_plan")).toEqual({});
    expect(resourcesOf(json, "aws_backup_restore_testing_selection")).toEqual({});
  });

  test("each plan runs in every region into that region's vault, with the configured windows and lifecycle", () => {
    expect(regionsOf(json, "aws_backup_plan")).toEqual([...REGIONS, ...REGIONS].sort());
    const daily = named(json, "aws_backup_plan", "plan-daily-us-west-2");
    expect(daily).toEqual({
      region: "us-west-2",
      name: "nwh-daily",
      rule: [
        {
          rule_name: "daily",
          target_vault_name: expect.stringMatching(
            /^\$\{aws_backup_vault\.backup_vault-us-west-2_[0-9A-F]+\.name\}$/,
          ),
          schedule: "cron(0 5 * * ? *)",
          start_window: 60,
          completion_window: 360,
          enable_continuous_backup: true,
          lifecycle: { delete_after: 35 },
          copy_action: [],
        },
      ],
    });
    expect(named(json, "aws_backup_plan", "plan-monthly-us-east-1").rule[0]).toMatchObject({
      start_window: 120,
      completion_window: 720,
      enable_continuous_backup: false,
      lifecycle: { delete_after: 365, cold_storage_after: 30 },
    });
  });

  test("copies go to the other regions' vaults, with their own lifecycle; never to the plan's own region", () => {
    for (const [region, other] of [
      ["us-east-1", "us-west-2"],
      ["us-west-2", "us-east-1"],
    ]) {
      expect(named(json, "aws_backup_plan", `plan-monthly-${region}`).rule[0].copy_action).toEqual([
        {
          destination_vault_arn: expect.stringMatching(
            new RegExp(`^\\$\\{aws_backup_vault\\.backup_vault-${other}_[0-9A-F]+\\.arn\\}$`),
          ),
          lifecycle: { delete_after: 400, cold_storage_after: 60 },
        },
      ]);
    }
  });

  test("each plan selects the resources tagged backup=<plan name>, with the AWS Backup service role", () => {
    const selection = named(json, "aws_backup_selection", "selection-monthly-us-east-1");
    expect(selection).toEqual({
      region: "us-east-1",
      name: "nwh-monthly",
      plan_id: expect.stringMatching(
        /^\$\{aws_backup_plan\.backup_plan-monthly-us-east-1_[0-9A-F]+\.id\}$/,
      ),
      iam_role_arn: expect.stringMatching(/^\$\{aws_iam_role\.backup_service-role_/),
      selection_tag: [{ type: "STRINGEQUALS", key: "backup", value: "monthly" }],
    });
    expect(regionsOf(json, "aws_backup_selection")).toEqual([...REGIONS, ...REGIONS].sort());
  });

  test("the service role is AWS Backup's for this account only, with its backup and restore policies", () => {
    const role = named(json, "aws_iam_role", "service-role");
    expect(role.name).toBe("nwh-backup");
    expect(parsedPolicy(role.assume_role_policy as string).Statement).toEqual([
      {
        Sid: "ServiceForThisAccountOnly",
        Effect: "Allow",
        Principal: { Service: "backup.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ]);
    expect(
      Object.values(resourcesOf(json, "aws_iam_role_policy_attachment"))
        .map((attachment) => attachment.policy_arn as string)
        .sort(),
    ).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
    ]);
  });
});

describe("with Vault Lock and restore testing", () => {
  let json: Json;
  beforeAll(() => {
    json = synthBaseline({
      namePrefix: "nwh-lz",
      vaultLock: { minRetentionDays: 35, maxRetentionDays: 400, changeableForDays: 3 },
      restoreTesting: { schedule: "cron(0 9 ? * MON *)", validationWindowHours: 12 },
    });
  });

  test("every rule of the guardrail pack passes, the Vault Lock rule included", () => {
    expect(ruleViolations(json)).toEqual([]);
  });

  test("every vault is tagged immutable and locked in compliance mode with the configured bounds", () => {
    for (const region of REGIONS) {
      expect(named(json, "aws_backup_vault", `vault-${region}`).tags).toEqual({
        Immutable: "true",
      });
      expect(named(json, "aws_backup_vault_lock_configuration", `vault-lock-${region}`)).toEqual({
        region,
        backup_vault_name: expect.stringMatching(
          new RegExp(`^\\$\\{aws_backup_vault\\.backup_vault-${region}_[0-9A-F]+\\.name\\}$`),
        ),
        min_retention_days: 35,
        max_retention_days: 400,
        changeable_for_days: 3,
      });
    }
  });

  test("each region restores the latest snapshots of its own vault on schedule, under an underscore name", () => {
    const plan = named(json, "aws_backup_restore_testing_plan", "restore-testing-us-west-2");
    expect(plan).toEqual({
      region: "us-west-2",
      name: "nwh_lz_restore_testing",
      schedule_expression: "cron(0 9 ? * MON *)",
      recovery_point_selection: [
        {
          algorithm: "LATEST_WITHIN_WINDOW",
          include_vaults: [
            expect.stringMatching(
              /^\$\{aws_backup_vault\.backup_vault-us-west-2_[0-9A-F]+\.arn\}$/,
            ),
          ],
          recovery_point_types: ["SNAPSHOT"],
          selection_window_days: 7,
        },
      ],
    });
    expect(regionsOf(json, "aws_backup_restore_testing_plan")).toEqual(REGIONS);
  });

  test("every restore-tested type is restored with the service role and validated for the configured hours", () => {
    expect(RESTORE_TESTED_TYPES).toEqual(["EBS", "DynamoDB"]);
    for (const type of RESTORE_TESTED_TYPES) {
      const selection = named(
        json,
        "aws_backup_restore_testing_selection",
        `restore-testing-${type.toLowerCase()}-us-east-1`,
      );
      expect(selection).toEqual({
        region: "us-east-1",
        name: `${type.toLowerCase()}_latest`,
        restore_testing_plan_name: expect.stringMatching(
          /^\$\{aws_backup_restore_testing_plan\.backup_restore-testing-us-east-1_[0-9A-F]+\.name\}$/,
        ),
        protected_resource_type: type,
        protected_resource_arns: ["*"],
        iam_role_arn: expect.stringMatching(/^\$\{aws_iam_role\.backup_service-role_/),
        validation_window_hours: 12,
      });
    }
  });

  test("names follow the resource prefix", () => {
    expect(named(json, "aws_iam_role", "service-role").name).toBe("nwh-lz-backup");
    expect(named(json, "aws_backup_vault", "vault-us-east-1").name).toBe("nwh-lz-vault");
    expect(named(json, "aws_backup_plan", "plan-daily-us-east-1").name).toBe("nwh-lz-daily");
  });
});

test("in a single region, a copy to that region is no copy at all", () => {
  // Copies to a region outside `regions` have no vault to go to: config/checks refuses them.
  const json = synthBaseline({
    regions: ["us-east-1"],
    plans: [{ ...MONTHLY, copyTo: [{ region: "us-east-1", retentionDays: 400 }] }],
  });
  expect(named(json, "aws_backup_plan", "plan-monthly-us-east-1").rule[0].copy_action).toEqual([]);
  expect(regionsOf(json, "aws_backup_vault")).toEqual(["us-east-1"]);
});

test("declares the backup-and-recovery control, for the evidence", () => {
  let baseline: BackupBaseline | undefined;
  synthConstruct((scope) => {
    baseline = new BackupBaseline(scope, "backup", PROPS);
  });
  const placements = findControls(baseline!).map(
    ({ control, constructPath }) => `${control.id} ${constructPath}`,
  );
  expect(placements).toEqual([
    `${BACKUP_CONTROL.id} stack/backup`,
    "kms-customer-managed-key stack/backup/key-us-east-1",
    "kms-customer-managed-key stack/backup/key-us-west-2",
  ]);
});
