import { SsmDefaultPatchBaseline } from "@cdktf/provider-aws/lib/ssm-default-patch-baseline";
import { SsmMaintenanceWindow } from "@cdktf/provider-aws/lib/ssm-maintenance-window";
import { SsmMaintenanceWindowTarget } from "@cdktf/provider-aws/lib/ssm-maintenance-window-target";
import { SsmMaintenanceWindowTask } from "@cdktf/provider-aws/lib/ssm-maintenance-window-task";
import { SsmPatchBaseline } from "@cdktf/provider-aws/lib/ssm-patch-baseline";
import { SsmPatchGroup } from "@cdktf/provider-aws/lib/ssm-patch-group";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { PatchingConfig } from "../../config/schema/baseline-schema";
import { ServiceRole } from "../iam/service-role";
import { approvalRule, patchGroupName } from "./patch-baseline-rules";

export const PATCHING_CONTROL = defineControl({
  id: "patch-management",
  description:
    "Instances are scanned daily and patched weekly in the change window against approved baselines; compliance is reported to AWS Config",
  criteria: ["CC7.1", "CC8.1"],
});

export interface PatchManagementProps {
  readonly namePrefix: string;
  readonly environment: string;
  readonly regions: readonly string[];
  readonly patching: PatchingConfig;
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
    const { patching } = props;
    const role = new ServiceRole(this, "maintenance-window-role", {
      roleName: `${props.namePrefix}-patching`,
      description: "Runs AWS-RunPatchBaseline in maintenance windows",
      service: "ssm.amazonaws.com",
      accountId: props.accountId,
      partition: props.partition,
      managedPolicies: ["service-role/AmazonSSMMaintenanceWindowRole"],
    });
    const groups = patching.operatingSystems.map((os) => patchGroupName(props.environment, os));
    for (const region of props.regions) {
      for (const os of patching.operatingSystems) {
        const key = `${os.toLowerCase().replaceAll("_", "-")}-${region}`;
        const baseline = new SsmPatchBaseline(this, `baseline-${key}`, {
          region,
          name: `${props.namePrefix}-${props.environment}-${os.toLowerCase().replaceAll("_", "-")}`,
          description: `Approved patches for ${os} in ${props.environment}`,
          operatingSystem: os,
          approvalRule: [approvalRule(os, patching)],
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
          schedule: patching.scanSchedule,
          duration: 2,
          cutoff: 1,
          operation: "Scan",
        },
        {
          name: "install",
          schedule: patching.installWindow.schedule,
          duration: patching.installWindow.durationHours,
          cutoff: patching.installWindow.cutoffHours,
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
