import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { constructIdOf } from "../terraform/construct-id";
import { implementsControl } from "../../compliance/controls/control";
import { ACCESS_ASSIGNMENT_CONTROL } from "./identity-control";

export interface AccountAssignmentsProps {
  readonly instanceArn: string;
  readonly assignments: readonly {
    readonly group: string;
    readonly permissionSet: string;
    readonly accountName: string;
    readonly accountId: string;
  }[];
  readonly permissionSetArn: (name: string) => string;
  readonly groupId: (name: string) => string;
  /** The provider of the account that administers Identity Center. @default the stack's */
  readonly provider?: TerraformProvider;
}

/** Construct id of one assignment: stable, so re-ordering config never replaces access. */
export function assignmentId(accountName: string, group: string, permissionSet: string): string {
  return [accountName, group, permissionSet].map(constructIdOf).join("--");
}

/** Group → permission set → account grants. */
export class AccountAssignments extends Construct {
  /** Each assignment's resource, by assignmentId. */
  readonly byId: ReadonlyMap<string, SsoadminAccountAssignment>;

  constructor(scope: Construct, id: string, props: AccountAssignmentsProps) {
    super(scope, id);
    implementsControl(this, ACCESS_ASSIGNMENT_CONTROL);
    const byId = new Map<string, SsoadminAccountAssignment>();
    for (const assignment of props.assignments) {
      const key = assignmentId(assignment.accountName, assignment.group, assignment.permissionSet);
      byId.set(
        key,
        new SsoadminAccountAssignment(this, key, {
          provider: props.provider,
          instanceArn: props.instanceArn,
          permissionSetArn: props.permissionSetArn(assignment.permissionSet),
          principalId: props.groupId(assignment.group),
          principalType: "GROUP",
          targetId: assignment.accountId,
          targetType: "AWS_ACCOUNT",
        }),
      );
    }
    this.byId = byId;
  }
}
