import { z } from "zod";

const RoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: "is not a valid IAM role name" });

export const PipelineConfigSchema = z
  .strictObject({
    repository: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, {
        error: "is not a GitHub repository such as northwind-health/landing-zone",
      })
      .describe("The GitHub repository whose workflows plan and apply the landing zone."),
    planRoleName: RoleName.describe("Read-only role pull requests plan with (management account)."),
    applyRoleName: RoleName.describe(
      "Role merges to main apply with (management account); exempt from the guardrails.",
    ),
    readRoleName: RoleName.describe(
      "Read-only role in each member account, assumable by the plan and evidence roles.",
    ),
    deployRoleName: RoleName.describe(
      "Deploy role in each member account, assumable by the apply role and break glass; exempt from the guardrails.",
    ),
    evidenceRoleName: RoleName.optional().describe(
      "Role the evidence workflow assumes (management account): it reads every account through the read roles and adds snapshots to the evidence bucket. Default: <resourcePrefix>-evidence.",
    ),
    memberRole: z
      .enum(["access", "deploy"])
      .default("access")
      .describe(
        "How Terraform reaches member accounts: the bootstrap access role, or the deploy role once it exists.",
      ),
  })
  .describe(
    "The CI pipeline's identity: GitHub OIDC, plan and apply roles, and roles in member accounts.",
  );
