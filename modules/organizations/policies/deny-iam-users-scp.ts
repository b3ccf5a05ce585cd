import { describedPolicy, unlessExempt, unlessExemptOrRootSession } from "./organization-policy";
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
        summary: "IAM users and access keys can't be created.",
        statement: {
          Sid: "DenyIamUsersAndKeys",
          Effect: "Deny",
          Action: ["iam:CreateUser", "iam:CreateAccessKey"],
          Resource: "*",
          Condition: unlessExempt(context),
        },
      },
      {
        summary:
          "Passwords can't be created, except by a root session recovering the root user's (IAMCreateRootUserPassword).",
        statement: {
          Sid: "DenyPasswords",
          Effect: "Deny",
          Action: "iam:CreateLoginProfile",
          Resource: "*",
          Condition: unlessExemptOrRootSession(context),
        },
      },
    ],
  );
}
