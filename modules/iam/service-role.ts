import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { renderPolicy, trustPolicy } from "./policy-document";

export interface ServiceRoleProps {
  readonly roleName: string;
  readonly description: string;
  /** The service that assumes the role, such as ssm.amazonaws.com. */
  readonly service: string;
  /** The account the service must act for: `aws:SourceAccount`, against the confused deputy. */
  readonly accountId: string;
  readonly partition: string;
  /** AWS managed policies, by name under arn:<partition>:iam::aws:policy/. */
  readonly managedPolicies: readonly string[];
}

/** A role one AWS service assumes for this account only, with AWS's purpose-built policies. */
export class ServiceRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: renderPolicy(
        trustPolicy({
          Sid: "ServiceForThisAccountOnly",
          Effect: "Allow",
          Principal: { Service: props.service },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
        }),
      ),
    });
    for (const policy of props.managedPolicies) {
      new IamRolePolicyAttachment(this, `policy-${policy.split("/").pop()}`, {
        role: this.role.name,
        policyArn: `arn:${props.partition}:iam::aws:policy/${policy}`,
      });
    }
  }

  get arn(): string {
    return this.role.arn;
  }
}
