import { OrganizationsOrganizationalUnit } from "@cdktf/provider-aws/lib/organizations-organizational-unit";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { listOrganizationalUnits } from "../../config/model/organizational-unit-paths";
import type { OrganizationalUnitConfig } from "../../config/schema/organization-schema";
import { importExisting } from "../terraform/import-existing";
import { organizationalUnitConstructId } from "./organizational-unit-ids";

const OU_TREE_CONTROL = defineControl({
  id: "organizational-units",
  description:
    "Accounts are grouped into OUs by function and environment, so guardrails attach according to risk",
  criteria: ["CC5.2", "CC6.1"],
});

export interface OrganizationalUnitTreeProps {
  /** The organization root id. */
  readonly rootId: string;
  readonly units: readonly OrganizationalUnitConfig[];
}

/**
 * The OU tree, each OU under its parent. Construct ids come from the OU path, so an OU keeps its
 * Terraform address however the tree around it grows.
 */
export class OrganizationalUnitTree extends Construct {
  private readonly byPath = new Map<string, OrganizationsOrganizationalUnit>();

  constructor(scope: Construct, id: string, props: OrganizationalUnitTreeProps) {
    super(scope, id);
    implementsControl(this, OU_TREE_CONTROL);
    const constructIds = new Map<string, string>();
    for (const entry of listOrganizationalUnits(props.units)) {
      const constructId = organizationalUnitConstructId(entry.path);
      const clash = constructIds.get(constructId);
      if (clash !== undefined) {
        throw new Error(
          `OU paths "${clash}" and "${entry.path}" would share the Terraform address ${constructId}; rename one of them`,
        );
      }
      constructIds.set(constructId, entry.path);
      const parentId = entry.parentPath === undefined ? props.rootId : this.idOf(entry.parentPath);
      const unit = new OrganizationsOrganizationalUnit(this, constructId, {
        name: entry.unit.name,
        parentId,
        lifecycle: { preventDestroy: true },
      });
      if (entry.unit.id) importExisting(unit, entry.unit.id);
      this.byPath.set(entry.path, unit);
    }
  }

  /** Id of the OU at `path`, or undefined when there is none. */
  tryIdOf(path: string): string | undefined {
    return this.byPath.get(path)?.id;
  }

  /** Id of the OU at `path` ("Workloads/Production"). */
  idOf(path: string): string {
    return this.unitAt(path).id;
  }

  /** ARN of the OU at `path`: what a RAM share names to share with the accounts below it. */
  arnOf(path: string): string {
    return this.unitAt(path).arn;
  }

  private unitAt(path: string): OrganizationsOrganizationalUnit {
    const unit = this.byPath.get(path);
    if (!unit)
      throw new Error(
        `No OU at path "${path}"; known paths: ${[...this.byPath.keys()].join(", ")}`,
      );
    return unit;
  }
}
