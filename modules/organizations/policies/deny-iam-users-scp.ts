import { describedPolicy, unlessExempt } from "./organization-policy";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";

/** For organizations where people sign in through Identity Center only. */
export function denyIamUsersScp(context: PolicyContext): OrganizationPolicy {
  return describedPolicy(
    {
      name: "deny-iam-users",
      type: "SERVICE_CONTROL_POLICY",
      description:
        "No IAM users or long-lived access keys: people use Identity Center, workloads use roles",
      criteria: ["CC6.1", "CC6.2"],
    },
    [
      {
        summary: "IAM users, their login profiles and access keys can't be created.",
        statement: {
          Sid: "DenyIamUsersAndKeys",
          Effect: "Deny",
          Action: ["iam:CreateUser", "iam:CreateLoginProfile", "iam:CreateAccessKey"],
          Resource: "*",
          Condition: unlessExempt(context),
        },
      },
    ],
  );
}
