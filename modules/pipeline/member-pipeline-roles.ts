import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import type { PipelineConfig } from "../../environments/schema/pipeline-schema";
import { policyDocument, renderPolicy } from "../iam/policy-document";
import { PIPELINE_IDENTITY_CONTROL } from "./pipeline-control";

export interface MemberPipelineRolesProps {
  readonly pipeline: PipelineConfig;
  readonly partition: string;
  readonly managementAccountId: string;
  readonly breakGlassRoleName: string;
}

/**
 * The roles the pipeline uses in one member account: a deploy role only the apply role and
 * break glass can assume, and a read role only the plan role can assume.
 */
export class MemberPipelineRoles extends Construct {
  constructor(scope: Construct, id: string, props: MemberPipelineRolesProps) {
    super(scope, id);
    implementsControl(this, PIPELINE_IDENTITY_CONTROL);
    const { pipeline, partition, managementAccountId } = props;
    const roleArn = (name: string) => `arn:${partition}:iam::${managementAccountId}:role/${name}`;
    const trust = (sid: string, principals: string[]) =>
      renderPolicy(
        policyDocument({
          Sid: sid,
          Effect: "Allow",
          Principal: { AWS: principals },
          Action: "sts:AssumeRole",
          Resource: "*",
        }),
      );
    const deploy = new IamRole(this, "deploy-role", {
      name: pipeline.deployRoleName,
      description:
        "Deploys the landing zone's baseline; assumable only by the apply role and break glass",
      maxSessionDuration: 7200,
      assumeRolePolicy: trust("ApplyRoleAndBreakGlassOnly", [
        roleArn(pipeline.applyRoleName),
        roleArn(props.breakGlassRoleName),
      ]),
    });
    new IamRolePolicyAttachment(this, "deploy-administrator", {
      role: deploy.name,
      policyArn: `arn:${partition}:iam::aws:policy/AdministratorAccess`,
    });
    const read = new IamRole(this, "read-role", {
      name: pipeline.readRoleName,
      description: "Lets pull-request plans read this account; assumable only by the plan role",
      maxSessionDuration: 3600,
      assumeRolePolicy: trust("PlanRoleOnly", [roleArn(pipeline.planRoleName)]),
    });
    new IamRolePolicyAttachment(this, "read-only", {
      role: read.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
  }
}
