import { fromControlMatrixJson } from "../../compliance/evidence/control-matrix";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleSynth } from "../helpers/example-synth";
import type { SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
beforeAll(() => {
  out = exampleSynth();
});

const all = (stack: string, type: string) => Object.values(out.resources(stack, type));
const REGIONS = ["us-east-1", "us-west-2"];
const regionsOf = (stack: string, type: string) =>
  all(stack, type)
    .map((resource) => resource.region)
    .sort();
const ENVIRONMENT_ACCOUNTS = {
  dev: ["account-dev-data", "account-dev-platform"],
  staging: ["account-staging-data", "account-staging-platform"],
  prod: ["account-prod-analytics", "account-prod-data", "account-prod-platform"],
};

test.each(Object.values(ENVIRONMENT_ACCOUNTS).flat())(
  "%s has patching, backup and WAF in every governed region",
  (stack) => {
    for (const type of [
      "aws_backup_vault",
      "aws_backup_vault_policy",
      "aws_backup_vault_notifications",
      "aws_ssm_maintenance_window_task",
    ]) {
      expect(new Set(regionsOf(stack, type))).toEqual(new Set(REGIONS));
    }
    const regional = all(stack, "aws_wafv2_web_acl").filter((acl) => acl.scope === "REGIONAL");
    expect(regional.map((acl) => acl.region).sort()).toEqual(REGIONS);
  },
);

test("core accounts and the management account get no workload operations baseline", () => {
  for (const stack of ["account-audit", "account-log-archive", "management"]) {
    expect(all(stack, "aws_backup_vault")).toEqual([]);
    expect(all(stack, "aws_wafv2_web_acl")).toEqual([]);
  }
});

describe("backup", () => {
  test("prod has Vault Lock and cross-region copies; dev has neither", () => {
    expect(all("account-prod-data", "aws_backup_vault_lock_configuration")).toEqual(
      REGIONS.map((region) =>
        expect.objectContaining({
          region,
          min_retention_days: 35,
          max_retention_days: 400,
          changeable_for_days: 3,
        }),
      ),
    );
    const prodCopies = all("account-prod-data", "aws_backup_plan")
      .filter((plan) => plan.region === "us-east-1")
      .flatMap((plan) =>
        plan.rule.flatMap((rule: { copy_action?: unknown[] }) => rule.copy_action ?? []),
      );
    expect(prodCopies).toHaveLength(3);
    for (const copy of prodCopies as { destination_vault_arn: string }[]) {
      expect(copy.destination_vault_arn).toMatch(/aws_backup_vault\.backup_vault-us-west-2_/);
    }
    expect(all("account-dev-data", "aws_backup_vault_lock_configuration")).toEqual([]);
    const devCopies = all("account-dev-data", "aws_backup_plan").flatMap((plan) =>
      plan.rule.flatMap((rule: { copy_action?: unknown[] }) => rule.copy_action ?? []),
    );
    expect(devCopies).toEqual([]);
  });

  test("every rule and every copy has a lifecycle; cold storage only where retention allows", () => {
    for (const stack of Object.values(ENVIRONMENT_ACCOUNTS).flat()) {
      for (const plan of all(stack, "aws_backup_plan")) {
        for (const rule of plan.rule) {
          expect(rule.lifecycle.delete_after).toBeGreaterThan(0);
          if (rule.lifecycle.cold_storage_after) {
            expect(rule.lifecycle.delete_after).toBeGreaterThanOrEqual(
              rule.lifecycle.cold_storage_after + 90,
            );
          }
          for (const copy of rule.copy_action ?? [])
            expect(copy.lifecycle.delete_after).toBeGreaterThan(0);
        }
      }
    }
    const monthly = all("account-prod-data", "aws_backup_plan").find(
      (plan) => plan.name === "nwh-monthly" && plan.region === "us-east-1",
    )!;
    expect(monthly.rule[0]).toMatchObject({
      schedule: "cron(0 7 1 * ? *)",
      start_window: 60,
      completion_window: 360,
      lifecycle: { delete_after: 365, cold_storage_after: 30 },
    });
  });

  test("vaults use their own rotating key, deny recovery-point deletion to all but break glass, and report failures", () => {
    const vault = all("account-prod-data", "aws_backup_vault").find(
      (entry) => entry.region === "us-east-1",
    )!;
    expect(vault).toMatchObject({
      name: "nwh-vault",
      tags: { Immutable: "true" },
      lifecycle: { prevent_destroy: true },
    });
    expect(vault.kms_key_arn).toMatch(/aws_kms_key\.backup_key-us-east-1/);
    const policy = JSON.parse(all("account-prod-data", "aws_backup_vault_policy")[0].policy);
    expect(policy.Statement[0]).toMatchObject({
      Effect: "Deny",
      Principal: "*",
      Action: expect.arrayContaining(["backup:DeleteRecoveryPoint"]),
      Condition: {
        ArnNotLike: {
          "aws:PrincipalArn":
            "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*",
        },
      },
    });
    const notifications = all("account-prod-data", "aws_backup_vault_notifications").find(
      (entry) => entry.region === "us-west-2",
    )!;
    expect(notifications.sns_topic_arn).toBe(
      "arn:aws:sns:us-west-2:111122223333:nwh-security-alerts",
    );
    expect(notifications.backup_vault_events).toContain("BACKUP_JOB_FAILED");
  });

  test("resources are selected by tag with the AWS Backup service role; restore testing runs where configured", () => {
    const selections = all("account-prod-data", "aws_backup_selection").filter(
      (entry) => entry.region === "us-east-1",
    );
    expect(selections.map((selection) => selection.selection_tag[0].value).sort()).toEqual([
      "daily",
      "monthly",
      "weekly",
    ]);
    expect(selections[0].selection_tag[0]).toMatchObject({ type: "STRINGEQUALS", key: "backup" });
    expect(selections[0].iam_role_arn).toMatch(/aws_iam_role\.backup_service-role/);
    expect(all("account-prod-data", "aws_backup_restore_testing_plan")).toHaveLength(2);
    expect(all("account-dev-data", "aws_backup_restore_testing_plan")).toEqual([]);
  });
});

describe("patching", () => {
  test("each operating system's baseline is registered as the default, with its approve-after days", () => {
    const baselines = all("account-prod-data", "aws_ssm_patch_baseline").filter(
      (entry) => entry.region === "us-east-1",
    );
    expect(baselines.map((baseline) => baseline.operating_system).sort()).toEqual([
      "AMAZON_LINUX_2023",
      "UBUNTU",
      "WINDOWS",
    ]);
    const linux = baselines.find((baseline) => baseline.operating_system === "AMAZON_LINUX_2023")!;
    expect(linux.approval_rule[0]).toMatchObject({
      approve_after_days: 7,
      compliance_level: "CRITICAL",
    });
    expect(all("account-prod-data", "aws_ssm_default_patch_baseline")).toHaveLength(6);
    const devLinux = all("account-dev-data", "aws_ssm_patch_baseline").find(
      (baseline) => baseline.operating_system === "AMAZON_LINUX_2023",
    )!;
    expect(devLinux.approval_rule[0].approve_after_days).toBe(0);
    expect(
      all("account-dev-data", "aws_ssm_patch_group")
        .map((group) => group.patch_group)
        .sort(),
    ).toEqual(["dev-amazon-linux-2023", "dev-amazon-linux-2023", "dev-ubuntu", "dev-ubuntu"]);
  });

  test("a daily scan window and a weekly install window in the change window run AWS-RunPatchBaseline", () => {
    const windows = all("account-prod-data", "aws_ssm_maintenance_window").filter(
      (entry) => entry.region === "us-east-1",
    );
    expect(
      windows.map((window) => `${window.name} ${window.schedule} ${window.duration}h`).sort(),
    ).toEqual(["nwh-patch-install cron(0 4 ? * SUN *) 4h", "nwh-patch-scan cron(0 2 ? * * *) 2h"]);
    const tasks = all("account-prod-data", "aws_ssm_maintenance_window_task").filter(
      (entry) => entry.region === "us-east-1",
    );
    expect(
      tasks
        .map(
          (task) => task.task_invocation_parameters.run_command_parameters.parameter[0].values[0],
        )
        .sort(),
    ).toEqual(["Install", "Scan"]);
    for (const task of tasks) {
      expect(task).toMatchObject({ task_type: "RUN_COMMAND", task_arn: "AWS-RunPatchBaseline" });
      expect(task.service_role_arn).toMatch(/aws_iam_role\.patching_maintenance-window-role/);
      expect(task.targets[0].key).toBe("WindowTargetIds");
    }
  });
});

describe("WAF", () => {
  test("each ACL has the AWS managed groups, a rate limit and IP lists, in snake_case statements", () => {
    const acl = all("account-prod-data", "aws_wafv2_web_acl").find(
      (entry) => entry.scope === "REGIONAL" && entry.region === "us-east-1",
    )!;
    const statements = acl.rule.map((rule: { name: string; statement: object }) => [
      rule.name,
      rule.statement,
    ]);
    expect(statements).toEqual([
      [
        "block-ipv4",
        { ip_set_reference_statement: { arn: expect.stringMatching(/aws_wafv2_ip_set\./) } },
      ],
      ["rate-limit", { rate_based_statement: { limit: 1000, aggregate_key_type: "IP" } }],
      ...[
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesAnonymousIpList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesSQLiRuleSet",
      ].map((name) => [name, { managed_rule_group_statement: { name, vendor_name: "AWS" } }]),
    ]);
    const devAcl = all("account-dev-data", "aws_wafv2_web_acl")[0];
    expect(devAcl.rule.map((rule: { name: string }) => rule.name)).not.toContain(
      "AWSManagedRulesAnonymousIpList",
    );
  });

  test("logs go to a KMS-encrypted aws-waf-logs- group with credentials redacted, and the ARN is published", () => {
    const groups = all("account-prod-data", "aws_cloudwatch_log_group");
    expect(groups.map((group) => `${group.region} ${group.name}`).sort()).toEqual([
      "us-east-1 aws-waf-logs-nwh-cloudfront",
      "us-east-1 aws-waf-logs-nwh-regional",
      "us-west-2 aws-waf-logs-nwh-regional",
    ]);
    for (const group of groups) {
      expect(group.retention_in_days).toBe(400);
      expect(group.kms_key_id).toMatch(/aws_kms_key\./);
    }
    const [logging] = all("account-prod-data", "aws_wafv2_web_acl_logging_configuration");
    expect(logging.redacted_fields).toEqual([
      { single_header: { name: "authorization" } },
      { single_header: { name: "cookie" } },
    ]);
    const parameters = all("account-prod-data", "aws_ssm_parameter")
      .map((parameter) => `${parameter.region} ${parameter.name}`)
      .sort();
    expect(parameters).toEqual([
      "us-east-1 /landing-zone/waf/cloudfront/web-acl-arn",
      "us-east-1 /landing-zone/waf/regional/web-acl-arn",
      "us-west-2 /landing-zone/waf/regional/web-acl-arn",
    ]);
  });
});

test("the control matrix shows patching, backup and WAF per account and region", () => {
  const matrix = fromControlMatrixJson(
    JSON.parse(readFileSync(join(out.outdir, "evidence", "control-matrix.json"), "utf8")),
  );
  const control = (criterion: string, id: string) =>
    matrix
      .find((entry: { id: string }) => entry.id === criterion)!
      .controls.find((entry: { id: string }) => entry.id === id)!;
  const backup = control("A1.2", "backup-and-recovery");
  expect(new Set(backup.resources.map((resource: { region: string }) => resource.region))).toEqual(
    new Set(REGIONS),
  );
  expect(
    backup.resources.some((resource: { account: string }) =>
      resource.account.startsWith("prod-data"),
    ),
  ).toBe(true);
  expect(control("CC7.1", "patch-management")).toBeDefined();
  expect(control("CC6.6", "web-application-firewall")).toBeDefined();
});
