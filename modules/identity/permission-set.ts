import { SsoadminCustomerManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { SsoadminPermissionSetInlinePolicy } from "@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy";
import { SsoadminPermissionsBoundaryAttachment } from "@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment";
import { Construct } from "constructs";
import { constructIdOf } from "../terraform/construct-id";
import { implementsControl } from "../../compliance/controls/control";
import type { PermissionSetConfig } from "../../config/schema/identity-schema";
import { PERMISSION_SET_CONTROL } from "./identity-control";

/** Sessions of administrator-level sets are short by default, to bound a stolen session. */
const PRIVILEGED_SESSION_DEFAULT = "PT1H";
const SESSION_DEFAULT = "PT4H";

export function sessionDurationOf(config: PermissionSetConfig): string {
  return (
    config.sessionDuration ?? (config.privileged ? PRIVILEGED_SESSION_DEFAULT : SESSION_DEFAULT)
  );
}

/** The construct id of a permission set: also the prefix of its resources' Terraform addresses. */
export function permissionSetConstructId(name: string): string {
  return `permission-set-${constructIdOf(name)}`;
}

export interface PermissionSetProps {
  readonly instanceArn: string;
  readonly config: PermissionSetConfig;
  /** The inline policy document, already read from config. @default none */
  readonly inlinePolicy?: Record<string, unknown>;
}

/** A permission set with its managed, customer-managed and inline policies and its boundary. */
export class PermissionSet extends Construct {
  readonly permissionSet: SsoadminPermissionSet;

  constructor(scope: Construct, id: string, props: PermissionSetProps) {
    super(scope, id);
    implementsControl(this, PERMISSION_SET_CONTROL);
    const { config, instanceArn } = props;
    this.permissionSet = new SsoadminPermissionSet(this, "permission-set", {
      instanceArn,
      name: config.name,
      description: config.description,
      sessionDuration: sessionDurationOf(config),
      relayState: config.relayState,
      tags: { ...config.tags, ...(config.privileged ? { Privileged: "true" } : {}) },
    });
    const permissionSetArn = this.permissionSet.arn;
    for (const managedPolicyArn of config.managedPolicies) {
      const policyName = managedPolicyArn.split("/").pop()!;
      new SsoadminManagedPolicyAttachment(this, `managed-policy-${policyName}`, {
        instanceArn,
        permissionSetArn,
        managedPolicyArn,
      });
    }
    for (const reference of config.customerManagedPolicies) {
      new SsoadminCustomerManagedPolicyAttachment(this, `customer-policy-${reference.name}`, {
        instanceArn,
        permissionSetArn,
        customerManagedPolicyReference: { name: reference.name, path: reference.path },
      });
    }
    if (props.inlinePolicy) {
      new SsoadminPermissionSetInlinePolicy(this, "inline-policy", {
        instanceArn,
        permissionSetArn,
        inlinePolicy: JSON.stringify(props.inlinePolicy),
      });
    }
    const boundary = config.permissionsBoundary;
    if (boundary) {
      new SsoadminPermissionsBoundaryAttachment(this, "permissions-boundary", {
        instanceArn,
        permissionSetArn,
        permissionsBoundary:
          "managedPolicy" in boundary
            ? { managedPolicyArn: boundary.managedPolicy }
            : { customerManagedPolicyReference: boundary.customerManagedPolicy },
      });
    }
  }

  get arn(): string {
    return this.permissionSet.arn;
  }
}
