import { SsmDefaultPatchBaseline } from "@cdktf/provider-aws/lib/ssm-default-patch-baseline";
import { SsmMaintenanceWindow } from "@cdktf/provider-aws/lib/ssm-maintenance-window";
import { SsmMaintenanceWindowTarget } from "@cdktf/provider-aws/lib/ssm-maintenance-window-target";
import { SsmMaintenanceWindowTask } from "@cdktf/provider-aws/lib/ssm-maintenance-window-task";
import { SsmPatchBaseline } from "@cdktf/provider-aws/lib/ssm-patch-baseline";
import { SsmPatchGroup } from "@cdktf/provider-aws/lib/ssm-patch-group";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { ServiceRole } from "../iam/service-role";
import { approvalRule, patchGroupName } from "./patch-baseline-rules";
import type { OperatingSystem, PatchApproval } from "./patch-baseline-rules";

export const PATCHING_CONTROL = defineControl({
  id: "patch-management",
  description:
    "Instances are scanned daily and patched weekly in the change window against approved baselines; compliance is reported to AWS Config",
  criteria: ["CC7.1", "CC8.1"],
});

/** The weekly change window in which patches are installed. */
export interface InstallWindowProps {
  /** When the window opens: an AWS cron expression. */
  readonly schedule: string;
  readonly durationHours: number;
  /** Hours before the window closes that no new installation starts. */
  readonly cutoffHours: number;
}

export interface PatchManagementProps extends PatchApproval {
  readonly namePrefix: string;
  readonly environment: string;
  readonly regions: readonly string[];
  /** Each gets a baseline registered as its default, and a patch group. */
  readonly operatingSystems: readonly OperatingSystem[];
  /** When instances are scanned for missing patches, daily: an AWS cron expression. */
  readonly scanSchedule: string;
  readonly installWindow: InstallWindowProps;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * Patch baselines registered as each operating system's default, with patch groups, and a
 * daily scan window and a weekly install window running AWS-RunPatchBaseline, in every region.
 */
export class PatchManagement extends Construct {
  constructor(scope: Construct, id: string, props: PatchManagementProps) {
    super(scope, id);
    implementsControl(this, PATCHING_CONTROL);
    const { operatingSystems, installWindow } = props;
    const role = new ServiceRole(this, "maintenance-window-role", {
      roleName: `${props.namePrefix}-patching`,
      description: "Runs AWS-RunPatchBaseline in maintenance windows",
      service: "ssm.amazonaws.com",
      accountId: props.accountId,
      partition: props.partition,
      managedPolicies: ["service-role/AmazonSSMMaintenanceWindowRole"],
    });
    const groups = operatingSystems.map((os) => patchGroupName(props.environment, os));
    for (const region of props.regions) {
      for (const os of operatingSystems) {
        const key = `${os.toLowerCase().replaceAll("_", "-")}-${region}`;
        const baseline = new SsmPatchBaseline(this, `baseline-${key}`, {
          region,
          name: `${props.namePrefix}-${props.environment}-${os.toLowerCase().replaceAll("_", "-")}`,
          description: `Approved patches for ${os} in ${props.environment}`,
          operatingSystem: os,
          approvalRule: [approvalRule(os, props)],
        });
        new SsmDefaultPatchBaseline(this, `default-${key}`, {
          region,
          baselineId: baseline.id,
          operatingSystem: os,
        });
        new SsmPatchGroup(this, `group-${key}`, {
          region,
          baselineId: baseline.id,
          patchGroup: patchGroupName(props.environment, os),
        });
      }
      const windows = [
        {
          name: "scan",
          schedule: props.scanSchedule,
          duration: 2,
          cutoff: 1,
          operation: "Scan",
        },
        {
          name: "install",
          schedule: installWindow.schedule,
          duration: installWindow.durationHours,
          cutoff: installWindow.cutoffHours,
          operation: "Install",
        },
      ];
      for (const window of windows) {
        const maintenanceWindow = new SsmMaintenanceWindow(
          this,
          `${window.name}-window-${region}`,
          {
            region,
            name: `${props.namePrefix}-patch-${window.name}`,
            schedule: window.schedule,
            duration: window.duration,
            cutoff: window.cutoff,
            allowUnassociatedTargets: false,
          },
        );
        const target = new SsmMaintenanceWindowTarget(this, `${window.name}-target-${region}`, {
          region,
          windowId: maintenanceWindow.id,
          resourceType: "INSTANCE",
          targets: [{ key: "tag:Patch Group", values: groups }],
        });
        new SsmMaintenanceWindowTask(this, `${window.name}-task-${region}`, {
          region,
          windowId: maintenanceWindow.id,
          taskType: "RUN_COMMAND",
          taskArn: "AWS-RunPatchBaseline",
          serviceRoleArn: role.arn,
          priority: 1,
          maxConcurrency: "10%",
          maxErrors: "10%",
          targets: [{ key: "WindowTargetIds", values: [target.id] }],
          taskInvocationParameters: {
            runCommandParameters: {
              parameter: [{ name: "Operation", values: [window.operation] }],
            },
          },
        });
      }
    }
  }
}
