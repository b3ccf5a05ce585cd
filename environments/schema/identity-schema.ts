import { z } from "zod";
import { OuPath, Tags } from "./primitives";

/** ISO 8601 durations Identity Center accepts for sessions: whole hours and minutes, 1 to 12 hours. */
const SESSION_DURATION = /^PT(?:(\d{1,2})H)?(?:(\d{1,3})M)?$/;
export function sessionMinutes(duration: string): number | undefined {
  const match = SESSION_DURATION.exec(duration);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

const SessionDuration = z
  .string()
  .refine((duration) => sessionMinutes(duration) !== undefined, {
    error: "is not an ISO 8601 duration such as PT1H or PT8H30M",
    abort: true,
  })
  .refine(
    (duration) => {
      const minutes = sessionMinutes(duration)!;
      return minutes >= 60 && minutes <= 720;
    },
    { error: "is outside the 1 to 12 hours Identity Center allows" },
  );

const PolicyReference = z.strictObject({
  name: z.string().regex(/^[\w+=,.@-]{1,128}$/, { error: "is not an IAM policy name" }),
  path: z
    .string()
    .regex(/^\/([\w+=,.@-]+\/)*$/, { error: 'is not an IAM path such as "/" or "/lz/"' })
    .default("/"),
});

const ManagedPolicyArn = z.string().regex(/^arn:aws[\w-]*:iam::aws:policy\/[\w+=,.@/-]+$/, {
  error: "is not an AWS managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess",
});

const PermissionSetSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[\w+=,.@-]{1,32}$/, {
      error: "must be 1–32 letters, digits or +=,.@_- (Identity Center's rule)",
    })
    .describe("Permission set name, unique."),
  description: z.string().min(1).max(700).describe("What the set is for, shown to users."),
  sessionDuration: SessionDuration.optional().describe(
    "ISO 8601, 1 to 12 hours. Default PT1H for privileged sets, PT4H otherwise.",
  ),
  managedPolicies: z.array(ManagedPolicyArn).default([]).describe("AWS managed policy ARNs."),
  customerManagedPolicies: z
    .array(PolicyReference)
    .default([])
    .describe("Customer managed policies, by name and path, that must exist in each account."),
  inlinePolicy: z
    .union([
      z.strictObject({
        file: z
          .string()
          .regex(/^[\w./-]+\.json$/, { error: "must be a .json file beside identity.yaml" }),
      }),
      z.strictObject({ document: z.record(z.string(), z.unknown()) }),
    ])
    .optional()
    .describe(
      "Inline policy: { file: x.json } beside identity.yaml, or { document: ... } in YAML.",
    ),
  permissionsBoundary: z
    .union([
      z.strictObject({ managedPolicy: ManagedPolicyArn }),
      z.strictObject({ customerManagedPolicy: PolicyReference }),
    ])
    .optional()
    .describe(
      "Permissions boundary: an AWS managed policy ARN or a customer managed policy reference.",
    ),
  relayState: z.url({ error: "is not a URL" }).optional().describe("Console URL users land on."),
  tags: Tags.default({}),
  privileged: z
    .strictObject({
      justification: z.string().trim().min(20, {
        error: "is too short to justify privileged access to an auditor (20 characters at least)",
      }),
    })
    .optional()
    .describe(
      "Marks a set as privileged (administrator-level); it needs a justification and gets 1-hour sessions by default.",
    ),
});

const AssignmentSchema = z.strictObject({
  group: z.string().min(1).describe("Group display name."),
  permissionSet: z.string().min(1).describe("Permission set name."),
  accounts: z.array(z.string().min(1)).default([]).describe("Accounts by name."),
  ous: z.array(OuPath).default([]).describe("Every account in these OUs and the OUs below them."),
  environments: z
    .array(z.string().min(1))
    .default([])
    .describe("Every account of these environments."),
  allAccounts: z
    .boolean()
    .default(false)
    .describe("Every member account (not the management account)."),
});

export const IdentityConfigSchema = z
  .strictObject({
    delegatedAdministrator: z
      .string()
      .min(1)
      .optional()
      .describe("Core account that administers Identity Center; default: the management account."),
    groupSource: z
      .enum(["identity-store", "external-idp"])
      .default("identity-store")
      .describe(
        "identity-store: the landing zone creates groups; external-idp: groups are synced by SCIM and looked up by name.",
      ),
    groups: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(1024),
          description: z.string().max(1024).default(""),
        }),
      )
      .default([])
      .describe("Groups, by display name."),
    permissionSets: z.array(PermissionSetSchema).default([]).describe("Permission sets."),
    assignments: z
      .array(AssignmentSchema)
      .default([])
      .describe("Group → permission set → accounts."),
  })
  .describe("IAM Identity Center: groups, permission sets and assignments (identity.yaml).");

export type IdentityConfig = z.output<typeof IdentityConfigSchema>;
export type PermissionSetConfig = IdentityConfig["permissionSets"][number];
export type AssignmentConfig = IdentityConfig["assignments"][number];
