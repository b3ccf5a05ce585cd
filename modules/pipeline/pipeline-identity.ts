import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { SHARED_DEPLOY_ENVIRONMENT } from "../../contracts/github-environments";
import { implementsControl } from "../../compliance/controls/control";
import { policyDocument, renderPolicy } from "../iam/policy-document";
import { GITHUB_OIDC_HOST, githubOidcTrust } from "./github-oidc-trust";
import { PIPELINE_IDENTITY_CONTROL } from "./pipeline-control";

/** Construct id of the apply role's administrator grant, which a built-in exception names. */
export const APPLY_ADMINISTRATOR_ID = "apply-administrator";

export interface PipelineIdentityProps {
  /** The GitHub repository (owner/name) whose workflows may assume the roles. */
  readonly repository: string;
  readonly planRoleName: string;
  readonly applyRoleName: string;
  /** The read role in every member account, which the plan role may assume. */
  readonly readRoleName: string;
  readonly partition: string;
  /** Environment names: the GitHub environments apply jobs run in. */
  readonly environments: readonly string[];
  readonly stateBucket: string;
  readonly stateKeyAlias: string;
}

/**
 * GitHub's OIDC provider and the two roles workflows assume in the management account: a
 * read-only plan role for pull requests, and an apply role for main and its environments.
 */
export class PipelineIdentity extends Construct {
  /** GitHub's OIDC provider, which other workflow roles trust too. */
  readonly oidcProvider: IamOpenidConnectProvider;
  readonly planRole: IamRole;
  readonly applyRole: IamRole;

  constructor(scope: Construct, id: string, props: PipelineIdentityProps) {
    super(scope, id);
    implementsControl(this, PIPELINE_IDENTITY_CONTROL);
    const { partition } = props;
    const provider = new IamOpenidConnectProvider(this, "github", {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: ["sts.amazonaws.com"],
    });
    this.oidcProvider = provider;
    const repo = `repo:${props.repository}`;
    this.planRole = new IamRole(this, "plan-role", {
      name: props.planRoleName,
      description: "Plans pull requests: read-only, state read, lock files only",
      maxSessionDuration: 3600,
      // Pull requests plan; drift detection plans main on a schedule, whose token names the ref.
      assumeRolePolicy: renderPolicy(
        githubOidcTrust(provider.arn, [`${repo}:pull_request`, `${repo}:ref:refs/heads/main`]),
      ),
    });
    new IamRolePolicyAttachment(this, "plan-read-only", {
      role: this.planRole.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
    const bucketArn = `arn:${partition}:s3:::${props.stateBucket}`;
    new IamRolePolicy(this, "plan-state-and-members", {
      role: this.planRole.id,
      name: "state-locks-and-member-reads",
      policy: renderPolicy(
        policyDocument(
          {
            Sid: "TakeAndReleasePlanLocks",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:DeleteObject"],
            Resource: `${bucketArn}/*.tflock`,
          },
          {
            Sid: "EncryptLockFiles",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: "*",
            Condition: {
              "ForAnyValue:StringEquals": { "kms:ResourceAliases": `alias/${props.stateKeyAlias}` },
            },
          },
          {
            Sid: "ReadMemberAccounts",
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Resource: `arn:${partition}:iam::*:role/${props.readRoleName}`,
          },
        ),
      ),
    });
    this.applyRole = new IamRole(this, "apply-role", {
      name: props.applyRoleName,
      description: "Applies merged changes from main, through protected environments",
      maxSessionDuration: 7200,
      assumeRolePolicy: renderPolicy(
        // Only jobs in a GitHub environment, whose reviewers approve each apply. An environment's
        // token doesn't name the branch: each environment's deployment branches must be limited to
        // main in GitHub (docs/pipeline.md, "The pipeline's identity"), or a branch could apply.
        githubOidcTrust(provider.arn, [
          ...props.environments.map((environment) => `${repo}:environment:${environment}`),
          `${repo}:environment:${SHARED_DEPLOY_ENVIRONMENT}`,
        ]),
      ),
    });
    new IamRolePolicyAttachment(this, APPLY_ADMINISTRATOR_ID, {
      role: this.applyRole.name,
      policyArn: `arn:${partition}:iam::aws:policy/AdministratorAccess`,
    });
  }
}
