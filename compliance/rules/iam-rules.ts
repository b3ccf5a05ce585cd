import { asList, awsPrincipals, hasCondition, statementsOf } from "./policy-statements";
import { COMPLIANT, expectThat, nonCompliant } from "./rule";
import type { Rule } from "./rule";

const POLICY_HOLDERS = [
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
  "aws_ssoadmin_permission_set_inline_policy",
];
const ATTACHMENTS = [
  "aws_iam_role_policy_attachment",
  "aws_iam_policy_attachment",
  "aws_iam_user_policy_attachment",
  "aws_iam_group_policy_attachment",
  "aws_ssoadmin_managed_policy_attachment",
];

export const IAM_RULES: readonly Rule[] = [
  {
    id: "LZ-IAM-001",
    criteria: ["CC6.1", "CC6.3"],
    title: "No policy allows every action on every resource",
    fix: "Name the actions and resources the principal needs; full administration belongs to a suppressed, alarmed break-glass path.",
    appliesTo: POLICY_HOLDERS,
    check: (holder) => {
      const everything = statementsOf(holder.body.policy ?? holder.body.inline_policy).some(
        (statement) =>
          statement.Effect === "Allow" &&
          asList(statement.Action).includes("*") &&
          asList(statement.Resource).includes("*"),
      );
      return expectThat(!everything, 'allows "*" on "*"');
    },
  },
  {
    id: "LZ-IAM-002",
    criteria: ["CC6.3"],
    title: "AdministratorAccess is attached only with a recorded exception",
    fix: "Attach a narrower policy, or add a suppression with a justification (break-glass access, for example).",
    appliesTo: ATTACHMENTS,
    check: (attachment) => {
      const policyArn = attachment.body.policy_arn ?? attachment.body.managed_policy_arn;
      const arn = (policyArn as string | undefined) ?? "";
      return expectThat(
        !arn.endsWith(":policy/AdministratorAccess"),
        "attaches AdministratorAccess",
      );
    },
  },
  {
    id: "LZ-IAM-003",
    criteria: ["CC6.2", "CC6.3"],
    title: "No IAM users: people sign in through IAM Identity Center",
    fix: "Remove the IAM user; grant access with a permission set, or a role for workloads.",
    appliesTo: ["aws_iam_user"],
    check: () => nonCompliant("is an IAM user"),
  },
  {
    id: "LZ-IAM-004",
    criteria: ["CC6.1", "CC6.2"],
    title: "No long-lived IAM access keys",
    fix: "Remove the access key; use roles with temporary credentials (OIDC for pipelines).",
    appliesTo: ["aws_iam_access_key"],
    check: () => nonCompliant("is a long-lived access key"),
  },
  {
    id: "LZ-IAM-005",
    criteria: ["CC6.1", "CC6.3"],
    title: "Role trust policies name who may assume them",
    fix: "Trust named principals; trust an account root only with a condition such as aws:PrincipalArn or sts:ExternalId.",
    appliesTo: ["aws_iam_role"],
    check: (role) => {
      for (const statement of statementsOf(role.body.assume_role_policy)) {
        if (statement.Effect !== "Allow") continue;
        const principals = awsPrincipals(statement);
        if (principals.includes("*")) return nonCompliant("can be assumed by any principal");
        if (
          !hasCondition(statement) &&
          principals.some((principal) => /^(\d{12}|arn:[^:]+:iam::\d{12}:root)$/.test(principal))
        ) {
          return nonCompliant("trusts a whole account without a condition");
        }
      }
      return COMPLIANT;
    },
  },
];
