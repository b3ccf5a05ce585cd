import { expandAssignments } from "../../config/model/account-assignments";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { readInlinePolicy } from "../../config/model/inline-policy";
import { sessionDurationOf } from "../../modules/identity/permission-set";
import { markdownTable } from "./markdown-table";

/** One row of the access review: a group's permission set in an account. */
export interface AccessGrant {
  readonly group: string;
  readonly permissionSet: string;
  readonly account: string;
  readonly accountId: string;
  readonly privileged: boolean;
  readonly justification: string;
  readonly sessionDuration: string;
}

export interface PermissionSetSummary {
  readonly name: string;
  readonly description: string;
  readonly sessionDuration: string;
  readonly privileged: boolean;
  readonly justification: string;
  readonly policies: readonly string[];
}

export interface AccessMatrix {
  readonly permissionSets: readonly PermissionSetSummary[];
  /** Privileged grants first, then by account, group and permission set. */
  readonly grants: readonly AccessGrant[];
}

/** Who holds which permission set where, derived from the same expansion the stacks deploy. */
export function buildAccessMatrix(config: LandingZoneConfig): AccessMatrix {
  if (!config.identity) return { permissionSets: [], grants: [] };
  const permissionSets = config.identity.config.permissionSets.map((set): PermissionSetSummary => {
    const inline = readInlinePolicy(config.sourceDir, set);
    const boundary = set.permissionsBoundary;
    return {
      name: set.name,
      description: set.description,
      sessionDuration: sessionDurationOf(set),
      privileged: set.privileged !== undefined,
      justification: set.privileged?.justification ?? "",
      policies: [
        ...set.managedPolicies.map((arn) => `AWS managed: ${arn.split(":policy/")[1]}`),
        ...set.customerManagedPolicies.map(
          (reference) => `customer managed: ${reference.path}${reference.name}`,
        ),
        ...(inline.kind === "document" ? ["inline policy"] : []),
        ...(boundary
          ? [
              "managedPolicy" in boundary
                ? `boundary: ${boundary.managedPolicy.split(":policy/")[1]}`
                : `boundary: ${boundary.customerManagedPolicy.path}${boundary.customerManagedPolicy.name}`,
            ]
          : []),
      ],
    };
  });
  const setByName = new Map(permissionSets.map((set) => [set.name, set]));
  const grants = expandAssignments(config).map(({ group, permissionSet, account }): AccessGrant => {
    const set = setByName.get(permissionSet)!;
    return {
      group,
      permissionSet,
      account: account.name,
      accountId: account.id ?? "created by the landing zone",
      privileged: set.privileged,
      justification: set.justification,
      sessionDuration: set.sessionDuration,
    };
  });
  // Stable sort: privileged first, the expansion's order within each half.
  return {
    permissionSets,
    grants: [
      ...grants.filter((grant) => grant.privileged),
      ...grants.filter((grant) => !grant.privileged),
    ],
  };
}

export function renderAccessMatrix(matrix: AccessMatrix): string {
  if (matrix.grants.length === 0) {
    return "# Access matrix\n\nNo Identity Center assignments are managed by the landing zone.\n";
  }
  const groups = [...new Set(matrix.grants.map((grant) => grant.group))].sort();
  const accounts = [...new Set(matrix.grants.map((grant) => grant.account))].sort();
  // Grouped once: filtering every grant per cell was quadratic in accounts.
  const setsByCell = new Map<string, string[]>();
  for (const grant of matrix.grants) {
    const key = JSON.stringify([grant.group, grant.account]);
    const sets = setsByCell.get(key) ?? [];
    sets.push(grant.privileged ? `**${grant.permissionSet}**` : grant.permissionSet);
    setsByCell.set(key, sets);
  }
  const cell = (group: string, account: string) =>
    setsByCell.get(JSON.stringify([group, account]))?.join(", ") || "—";
  return [
    "# Access matrix",
    "",
    "Who can reach which account, through IAM Identity Center. Access is granted to groups only. Privileged sets are in bold. The quarterly review signs off `access-review.csv`.",
    "",
    "## Privileged access",
    "",
    ...markdownTable(
      ["group", "permission set", "account", "session", "justification"],
      matrix.grants
        .filter((grant) => grant.privileged)
        .map((grant) => [
          grant.group,
          grant.permissionSet,
          grant.account,
          grant.sessionDuration,
          grant.justification,
        ]),
    ),
    "",
    "## Group × account",
    "",
    ...markdownTable(
      ["group", ...accounts],
      groups.map((group) => [group, ...accounts.map((account) => cell(group, account))]),
    ),
    "",
    "## Permission sets",
    "",
    ...markdownTable(
      ["permission set", "session", "privileged", "policies", "description"],
      matrix.permissionSets.map((set) => [
        set.name,
        set.sessionDuration,
        set.privileged ? "yes" : "no",
        set.policies.join("; "),
        set.description,
      ]),
    ),
    "",
  ].join("\n");
}

const csvField = (value: string) =>
  /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** One row per group, permission set and account, with empty columns for the reviewer's decision. */
export function renderAccessReviewCsv(matrix: AccessMatrix): string {
  const header = [
    "group",
    "permission_set",
    "account",
    "account_id",
    "privileged",
    "session_duration",
    "justification",
    "decision (keep/remove)",
    "reviewer",
    "review_date",
  ];
  const rows = matrix.grants.map((grant) => [
    grant.group,
    grant.permissionSet,
    grant.account,
    grant.accountId,
    grant.privileged ? "yes" : "no",
    grant.sessionDuration,
    grant.justification,
    "",
    "",
    "",
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
