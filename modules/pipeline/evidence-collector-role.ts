import type { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { EVIDENCE_ENVIRONMENT } from "../../contracts/github-environments";
import { renderPolicy } from "../iam/policy-document";
import { evidenceCollectorPolicy } from "./evidence-collector-policy";
import { githubOidcTrust } from "./github-oidc-trust";
import { PIPELINE_IDENTITY_CONTROL } from "./pipeline-control";

const EVIDENCE_COLLECTION_CONTROL = defineControl({
  id: "evidence-collection-identity",
  description:
    "Evidence is collected from every account by one role that only the evidence workflow's GitHub environment may assume: it reads, and adds to the evidence bucket, but can change or delete nothing",
  criteria: ["CC4.1", "CC7.2", "CC6.3"],
});

export interface EvidenceCollectorRoleProps {
  /** GitHub's OIDC provider in this account. */
  readonly oidcProvider: IamOpenidConnectProvider;
  /** The GitHub repository (owner/name) whose evidence workflow may assume the role. */
  readonly repository: string;
  readonly roleName: string;
  /** The read role in every member account, which this role may assume. */
  readonly readRoleName: string;
  readonly partition: string;
  /** The evidence bucket and its region. */
  readonly bucketName: string;
  readonly bucketRegion: string;
}

/**
 * The role the scheduled evidence workflow assumes in the management account. It reads this account
 * as the plan role does, every member account through its read role, and writes the evidence bucket.
 */
export class EvidenceCollectorRole extends Construct {
  constructor(scope: Construct, id: string, props: EvidenceCollectorRoleProps) {
    super(scope, id);
    implementsControl(this, PIPELINE_IDENTITY_CONTROL);
    implementsControl(this, EVIDENCE_COLLECTION_CONTROL);
    const { partition } = props;
    const role = new IamRole(this, "role", {
      name: props.roleName,
      description:
        "Collects SOC 2 evidence monthly: reads every account, writes the evidence bucket",
      maxSessionDuration: 3600,
      // Only jobs in the evidence environment: its token names the environment, not the branch, so
      // the environment's deployment branches must be limited to main (docs/pipeline.md).
      assumeRolePolicy: renderPolicy(
        githubOidcTrust(props.oidcProvider.arn, [
          `repo:${props.repository}:environment:${EVIDENCE_ENVIRONMENT}`,
        ]),
      ),
    });
    // The management account has no read role; the collector reads it with its own session.
    new IamRolePolicyAttachment(this, "read-only", {
      role: role.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
    new IamRolePolicy(this, "collect-evidence", {
      role: role.id,
      name: "read-members-and-write-evidence",
      policy: renderPolicy(
        evidenceCollectorPolicy({
          partition,
          region: props.bucketRegion,
          bucketName: props.bucketName,
          readRoleName: props.readRoleName,
        }),
      ),
    });
  }
}
