import { z } from "zod";
import { OuPath, Tags } from "./primitives";

/**
 * An ISO 8601 duration, as the pattern of Identity Center's API has it (less the sign): years,
 * months, weeks or days, then after T hours, minutes and seconds, each optional but at least one
 * present; only seconds may have a fraction.
 */
const ISO_DURATION =
  /^P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const SECONDS_PER = { Y: 365 * 86_400, M: 30 * 86_400, W: 7 * 86_400, D: 86_400 } as const;

/**
 * Seconds in an ISO 8601 duration (PT1H30M15S is 5415), or undefined when it isn't one. Years and
 * months count as 365 and 30 days: any of them is far beyond a session anyway.
 */
export function durationSeconds(duration: string): number | undefined {
  const match = ISO_DURATION.exec(duration);
  if (!match) return undefined;
  const [, years, months, days, dayUnit, hours, minutes, seconds] = match;
  return (
    Number(years ?? 0) * SECONDS_PER.Y +
    Number(months ?? 0) * SECONDS_PER.M +
    Number(days ?? 0) * SECONDS_PER[(dayUnit ?? "D") as "D" | "W"] +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0)
  );
}

const SessionDuration = z
  .string()
  .refine((duration) => durationSeconds(duration) !== undefined, {
    error: "is not an ISO 8601 duration such as PT1H or PT8H30M",
    abort: true,
  })
  .refine(
    (duration) => {
      const seconds = durationSeconds(duration)!;
      return seconds >= 3600 && seconds <= 12 * 3600;
    },
    { error: "is outside the 1 to 12 hours Identity Center allows" },
  );

const PolicyReference = z.strictObject({
  name: z
    .string()
    .regex(/^[\w+=,.@-]{1,128}$/, { error: "is not an IAM policy name" })
    .describe("Name of the customer managed policy."),
  path: z
    .string()
    .regex(/^\/([\w+=,.@-]+\/)*$/, { error: 'is not an IAM path such as "/" or "/lz/"' })
    .default("/")
    .describe("IAM path of the policy."),
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
    "ISO 8601, 1 to 12 hours, such as PT8H or PT1H30M15S. Default PT1H for privileged sets, PT4H otherwise.",
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
          .regex(/^[\w./-]+\.json$/, { error: "must be a .json file beside identity.yaml" })
          .describe("JSON policy document beside identity.yaml."),
      }),
      z.strictObject({
        document: z.record(z.string(), z.unknown()).describe("The policy document, in YAML."),
      }),
    ])
    .optional()
    .describe(
      "Inline policy: { file: x.json } beside identity.yaml, or { document: ... } in YAML.",
    ),
  permissionsBoundary: z
    .union([
      z.strictObject({ managedPolicy: ManagedPolicyArn.describe("AWS managed policy ARN.") }),
      z.strictObject({
        customerManagedPolicy: PolicyReference.describe(
          "Customer managed policy that must exist in each account.",
        ),
      }),
    ])
    .optional()
    .describe(
      "Permissions boundary: an AWS managed policy ARN or a customer managed policy reference.",
    ),
  relayState: z.url({ error: "is not a URL" }).optional().describe("Console URL users land on."),
  tags: Tags.default({}),
  privileged: z
    .strictObject({
      justification: z
        .string()
        .trim()
        .min(20, {
          error: "is too short to justify privileged access to an auditor (20 characters at least)",
        })
        .describe(
          "Why the set needs administrator-level access; the evidence records it as the exception to LZ-IAM-001/002.",
        ),
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
          name: z
            .string()
            .min(1)
            .max(1024)
            .describe("Display name; with external-idp, the name the IdP syncs."),
          description: z.string().max(1024).default("").describe("What the group is for."),
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
