import { allOf, describedPolicy, unlessExempt } from "./organization-policy";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";

/** Keeps accounts in the organization, the root user idle, and the landing zone's roles intact. */
export function organizationIntegrityScp(context: PolicyContext): OrganizationPolicy {
  const rootUser = { ArnLike: { "aws:PrincipalArn": `arn:${context.partition}:iam::*:root` } };
  return describedPolicy(
    {
      name: "organization-integrity",
      type: "SERVICE_CONTROL_POLICY",
      description:
        "Accounts stay in the organization, the root user does nothing, and the landing zone's roles can't be changed",
      criteria: ["CC6.1", "CC6.2", "CC6.3", "CC8.1"],
    },
    [
      {
        summary: "No account can leave the organization.",
        statement: {
          Sid: "DenyLeaveOrganization",
          Effect: "Deny",
          Action: "organizations:LeaveOrganization",
          Resource: "*",
        },
      },
      {
        summary:
          "The root user can do nothing, except in centralized root sessions (sts:AssumeRoot) from the management account.",
        statement: {
          Sid: "DenyRootUser",
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          // aws:AssumedRoot is present only in centralized root access sessions.
          Condition: allOf(rootUser, { Null: { "aws:AssumedRoot": "true" } }),
        },
      },
      {
        summary: "Nobody creates access keys for the root user.",
        statement: {
          Sid: "DenyRootAccessKeys",
          Effect: "Deny",
          Action: "iam:CreateAccessKey",
          Resource: "*",
          Condition: rootUser,
        },
      },
      {
        summary:
          "An account's alternate contacts (where AWS sends security, operations and billing notices) and its opted-in regions are kept as the landing zone sets them.",
        statement: {
          Sid: "ProtectAccountSettings",
          Effect: "Deny",
          Action: [
            "account:PutAlternateContact",
            "account:DeleteAlternateContact",
            "account:DisableRegion",
          ],
          Resource: "*",
          Condition: unlessExempt(context),
        },
      },
      {
        summary: `The landing zone's roles (${context.protectedRoleNames.join(", ")}) can't be created, changed or deleted except by the exempt principals (${context.exemptPrincipalNames.join(", ")}), so nobody else can create a role of an exempt name to take its exemption.`,
        statement: {
          Sid: "ProtectLandingZoneRoles",
          Effect: "Deny",
          Action: [
            "iam:AttachRolePolicy",
            // Where a role of an exempt name doesn't exist yet, creating one would inherit the
            // exemption.
            "iam:CreateRole",
            "iam:DeleteRole",
            "iam:DeleteRolePermissionsBoundary",
            "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy",
            "iam:PutRolePermissionsBoundary",
            "iam:PutRolePolicy",
            "iam:UpdateAssumeRolePolicy",
            "iam:UpdateRole",
            "iam:UpdateRoleDescription",
          ],
          Resource: context.protectedRoleNames.map(
            (name) => `arn:${context.partition}:iam::*:role/${name}`,
          ),
          Condition: unlessExempt(context),
        },
      },
    ],
  );
}
