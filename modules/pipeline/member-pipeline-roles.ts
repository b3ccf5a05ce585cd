import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { renderPolicy, trustPolicy } from "../iam/policy-document";
import { breakGlassPrincipalArn } from "../identity/break-glass";
import { PIPELINE_IDENTITY_CONTROL } from "./pipeline-control";

/** Construct id of the deploy role's administrator grant, which a built-in exception names. */
export const DEPLOY_ADMINISTRATOR_ID = "deploy-administrator";

export interface MemberPipelineRolesProps {
  /** The deploy role made here. */
  readonly deployRoleName: string;
  /** The read role made here. */
  readonly readRoleName: string;
  /** The management account's apply role: the one role that may assume the deploy role. */
  readonly applyRoleName: string;
  /** The management account's plan role, which may assume the read role. */
  readonly planRoleName: string;
  /** The management account's evidence role, which may assume the read role too. */
  readonly evidenceRoleName: string;
  readonly partition: string;
  readonly managementAccountId: string;
  /** Break glass, from the management account, may assume the deploy role too. */
  readonly breakGlassPermissionSet: string;
}

/**
 * The roles the pipeline uses in one member account: a deploy role only the apply role and
 * break glass can assume, and a read role only the plan and evidence roles can assume.
 */
export class MemberPipelineRoles extends Construct {
  constructor(scope: Construct, id: string, props: MemberPipelineRolesProps) {
    super(scope, id);
    implementsControl(this, PIPELINE_IDENTITY_CONTROL);
    const { partition, managementAccountId } = props;
    const roleArn = (name: string) => `arn:${partition}:iam::${managementAccountId}:role/${name}`;
    const trustedRole = (sid: string, name: string) => ({
      Sid: sid,
      Effect: "Allow" as const,
      Principal: { AWS: roleArn(name) },
      Action: "sts:AssumeRole" as const,
    });
    const deploy = new IamRole(this, "deploy-role", {
      name: props.deployRoleName,
      description:
        "Deploys the landing zone's baseline; assumable only by the apply role and break glass",
      maxSessionDuration: 7200,
      assumeRolePolicy: renderPolicy(
        trustPolicy(trustedRole("ApplyRole", props.applyRoleName), {
          // A break-glass session's role name has a suffix only Identity Center knows, and a
          // trust policy can't name a principal by pattern: the management account is trusted
          // for its break-glass sessions alone.
          Sid: "BreakGlassFromManagementAccount",
          Effect: "Allow",
          Principal: { AWS: `arn:${partition}:iam::${managementAccountId}:root` },
          Action: "sts:AssumeRole",
          Condition: {
            ArnLike: {
              "aws:PrincipalArn": breakGlassPrincipalArn(
                partition,
                props.breakGlassPermissionSet,
                managementAccountId,
              ),
            },
          },
        }),
      ),
    });
    new IamRolePolicyAttachment(this, DEPLOY_ADMINISTRATOR_ID, {
      role: deploy.name,
      policyArn: `arn:${partition}:iam::aws:policy/AdministratorAccess`,
    });
    const read = new IamRole(this, "read-role", {
      name: props.readRoleName,
      description:
        "Lets pull-request plans and evidence collection read this account; assumable only by the plan and evidence roles",
      maxSessionDuration: 3600,
      assumeRolePolicy: renderPolicy(
        trustPolicy(
          trustedRole("PlanRole", props.planRoleName),
          trustedRole("EvidenceRole", props.evidenceRoleName),
        ),
      ),
    });
    // ReadOnlyAccess covers what evidence collection reads too: Config, Security Hub, the IAM
    // credential report, Identity Center, Organizations, CloudTrail, Backup, GuardDuty, Inspector
    // and Macie.
    new IamRolePolicyAttachment(this, "read-only", {
      role: read.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
  }
}
