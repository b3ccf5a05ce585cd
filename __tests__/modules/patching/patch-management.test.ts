import { findControls } from "../../../compliance/controls/control";
import { PATCHING_CONTROL, PatchManagement } from "../../../modules/patching/patch-management";
import type { PatchManagementProps } from "../../../modules/patching/patch-management";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";

const ACCOUNT = "444455556666";
const REGIONS = ["us-east-1", "us-west-2"];

const PROPS: PatchManagementProps = {
  namePrefix: "nwh",
  environment: "prod",
  regions: REGIONS,
  operatingSystems: ["AMAZON_LINUX_2023", "WINDOWS"],
  complianceLevel: "HIGH",
  approveAfterDays: 7,
  approveNonSecurity: false,
  scanSchedule: "cron(0 2 ? * * *)",
  installWindow: { schedule: "cron(0 4 ? * SUN *)", durationHours: 4, cutoffHours: 1 },
  accountId: ACCOUNT,
  partition: "aws",
};

type Json = ReturnType<typeof synthConstruct>;
const synthPatching = (props: Partial<PatchManagementProps> = {}) =>
  synthConstruct((scope) => new PatchManagement(scope, "patching", { ...PROPS, ...props }));
/** The one resource of a type whose construct id is `id` (such as scan-window-us-east-1). */
const named = (json: Json, type: string, id: string) =>
  resourceNamed(json, type, `patching_${id}_`);

let json: Json;
beforeAll(() => {
  json = synthPatching();
});

test("maintenance windows run as SSM's role for this account only, with AWS's maintenance-window policy", () => {
  const role = named(json, "aws_iam_role", "maintenance-window-role");
  expect(role.name).toBe("nwh-patching");
  expect(parsedPolicy(role.assume_role_policy as string).Statement).toEqual([
    {
      Sid: "ServiceForThisAccountOnly",
      Effect: "Allow",
      Principal: { Service: "ssm.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    },
  ]);
  expect(
    Object.values(resourcesOf(json, "aws_iam_role_policy_attachment")).map(
      (attachment) => attachment.policy_arn as string,
    ),
  ).toEqual(["arn:aws:iam::aws:policy/service-role/AmazonSSMMaintenanceWindowRole"]);
});

test("each operating system gets a baseline in every region, with its approval rule", () => {
  const baselines = Object.values(resourcesOf(json, "aws_ssm_patch_baseline"));
  expect(baselines.map((baseline) => `${baseline.region} ${baseline.name}`).sort()).toEqual([
    "us-east-1 nwh-prod-amazon-linux-2023",
    "us-east-1 nwh-prod-windows",
    "us-west-2 nwh-prod-amazon-linux-2023",
    "us-west-2 nwh-prod-windows",
  ]);
  expect(named(json, "aws_ssm_patch_baseline", "baseline-amazon-linux-2023-us-west-2")).toEqual({
    region: "us-west-2",
    name: "nwh-prod-amazon-linux-2023",
    description: "Approved patches for AMAZON_LINUX_2023 in prod",
    operating_system: "AMAZON_LINUX_2023",
    approval_rule: [
      {
        compliance_level: "HIGH",
        approve_after_days: 7,
        enable_non_security: false,
        patch_filter: [
          { key: "CLASSIFICATION", values: ["Security"] },
          { key: "SEVERITY", values: ["Critical", "Important"] },
        ],
      },
    ],
  });
  expect(
    named(json, "aws_ssm_patch_baseline", "baseline-windows-us-east-1").approval_rule[0]
      .patch_filter,
  ).toEqual([
    { key: "CLASSIFICATION", values: ["CriticalUpdates", "SecurityUpdates"] },
    { key: "MSRC_SEVERITY", values: ["Critical", "Important"] },
  ]);
});

test("each baseline is its operating system's default in its region, and backs the environment's patch group", () => {
  for (const region of REGIONS) {
    const baselineId = expect.stringMatching(
      new RegExp(
        `^\\$\\{aws_ssm_patch_baseline\\.patching_baseline-windows-${region}_[0-9A-F]+\\.id\\}$`,
      ),
    );
    expect(named(json, "aws_ssm_default_patch_baseline", `default-windows-${region}`)).toEqual({
      region,
      baseline_id: baselineId,
      operating_system: "WINDOWS",
    });
    expect(named(json, "aws_ssm_patch_group", `group-windows-${region}`)).toEqual({
      region,
      baseline_id: baselineId,
      patch_group: "prod-windows",
    });
  }
});

test("a daily scan window and the install window open on their schedules, and never run untargeted", () => {
  expect(named(json, "aws_ssm_maintenance_window", "scan-window-us-east-1")).toEqual({
    region: "us-east-1",
    name: "nwh-patch-scan",
    schedule: "cron(0 2 ? * * *)",
    duration: 2,
    cutoff: 1,
    allow_unassociated_targets: false,
  });
  expect(named(json, "aws_ssm_maintenance_window", "install-window-us-west-2")).toEqual({
    region: "us-west-2",
    name: "nwh-patch-install",
    schedule: "cron(0 4 ? * SUN *)",
    duration: 4,
    cutoff: 1,
    allow_unassociated_targets: false,
  });
});

test("each window targets the instances of every patch group of the environment", () => {
  for (const window of ["scan", "install"]) {
    expect(named(json, "aws_ssm_maintenance_window_target", `${window}-target-us-east-1`)).toEqual({
      region: "us-east-1",
      window_id: expect.stringMatching(
        new RegExp(
          `^\\$\\{aws_ssm_maintenance_window\\.patching_${window}-window-us-east-1_[0-9A-F]+\\.id\\}$`,
        ),
      ),
      resource_type: "INSTANCE",
      targets: [{ key: "tag:Patch Group", values: ["prod-amazon-linux-2023", "prod-windows"] }],
    });
  }
});

test.each([
  ["scan", "Scan"],
  ["install", "Install"],
])(
  "the %s window runs AWS-RunPatchBaseline (%s) on its targets, 10%% at a time",
  (window, operation) => {
    expect(named(json, "aws_ssm_maintenance_window_task", `${window}-task-us-west-2`)).toEqual({
      region: "us-west-2",
      window_id: expect.stringMatching(
        new RegExp(`^\\$\\{aws_ssm_maintenance_window\\.patching_${window}-window-us-west-2_`),
      ),
      task_type: "RUN_COMMAND",
      task_arn: "AWS-RunPatchBaseline",
      service_role_arn: expect.stringMatching(
        /^\$\{aws_iam_role\.patching_maintenance-window-role_[0-9A-F]+\.arn\}$/,
      ),
      priority: 1,
      max_concurrency: "10%",
      max_errors: "10%",
      targets: [
        {
          key: "WindowTargetIds",
          values: [
            expect.stringMatching(
              new RegExp(
                `^\\$\\{aws_ssm_maintenance_window_target\\.patching_${window}-target-us-west-2_[0-9A-F]+\\.id\\}$`,
              ),
            ),
          ],
        },
      ],
      task_invocation_parameters: {
        run_command_parameters: { parameter: [{ name: "Operation", values: [operation] }] },
      },
    });
  },
);

test("approval settings reach every operating system's rule", () => {
  const lenient = synthPatching({
    operatingSystems: ["UBUNTU", "REDHAT_ENTERPRISE_LINUX"],
    regions: ["eu-west-1"],
    complianceLevel: "MEDIUM",
    approveAfterDays: 0,
    approveNonSecurity: true,
  });
  expect(
    named(lenient, "aws_ssm_patch_baseline", "baseline-ubuntu-eu-west-1").approval_rule,
  ).toEqual([
    {
      compliance_level: "MEDIUM",
      enable_non_security: true,
      patch_filter: [{ key: "PRIORITY", values: ["Required", "Important", "Standard"] }],
    },
  ]);
  expect(
    named(lenient, "aws_ssm_patch_baseline", "baseline-redhat-enterprise-linux-eu-west-1")
      .approval_rule[0],
  ).toMatchObject({ compliance_level: "MEDIUM", approve_after_days: 0, enable_non_security: true });
  expect(
    named(lenient, "aws_ssm_maintenance_window_target", "scan-target-eu-west-1").targets[0].values,
  ).toEqual(["prod-ubuntu", "prod-redhat-enterprise-linux"]);
});

test("declares the patch-management control, for the evidence", () => {
  let patching: PatchManagement | undefined;
  synthConstruct((scope) => {
    patching = new PatchManagement(scope, "patching", PROPS);
  });
  expect(findControls(patching!)).toEqual([
    { control: PATCHING_CONTROL, constructPath: patching!.node.path },
  ]);
});
