import { ACCOUNT_STACK_PREFIX, STACK_NAMES } from "../../config/model/stack-names";
import type { SuppressionConfig } from "../../config/schema/compliance-schema";
import { DEPLOY_ADMINISTRATOR_ID } from "../../modules/pipeline/member-pipeline-roles";
import { APPLY_ADMINISTRATOR_ID } from "../../modules/pipeline/pipeline-identity";

/** How the evidence tells an exception the landing zone makes for itself from a user's. */
export const BUILT_IN_JUSTIFICATION_PREFIX = "Built-in exception of the landing zone:";

/**
 * The pipeline's apply role and each account's deploy role must hold administrator access: they
 * deploy the landing zone itself. LZ-IAM-002 records them as exceptions, so that a new
 * organization's config needs no suppression for the landing zone's own roles, and the evidence
 * marks them as the landing zone's, not the user's.
 */
export function pipelineRoleSuppressions(): SuppressionConfig[] {
  return [
    {
      rule: "LZ-IAM-002",
      resource: `${STACK_NAMES.pipeline}/aws_iam_role_policy_attachment.*${APPLY_ADMINISTRATOR_ID}_*`,
      justification: `${BUILT_IN_JUSTIFICATION_PREFIX} the pipeline's apply role deploys the organization itself; only GitHub environments whose deployment branches are limited to main can assume it, and every use is a reviewed pull request.`,
    },
    {
      rule: "LZ-IAM-002",
      resource: `${ACCOUNT_STACK_PREFIX}*/aws_iam_role_policy_attachment.*${DEPLOY_ADMINISTRATOR_ID}_*`,
      justification: `${BUILT_IN_JUSTIFICATION_PREFIX} each account's deploy role applies that account's baseline; only the apply role and break glass can assume it.`,
    },
  ];
}
