import { expandAssignments } from "../../../config/model/account-assignments";
import { formatCsv } from "../csv";
import { NOT_COLLECTED } from "../evidence-run";
import type { CheckResult, EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { readAssignments } from "./identity-center-reader";

type Status =
  | "matches identity.yaml"
  | "not in identity.yaml"
  | "user assignment: identity.yaml grants groups only"
  | "in identity.yaml, missing in AWS"
  | "not compared: no identity.yaml";

/**
 * Who holds which permission set in which account, as IAM Identity Center has it, row by row
 * against identity.yaml expanded to accounts: the quarterly access review filled from reality.
 * An assignment identity.yaml doesn't make, one it makes that AWS lacks, and any assignment to a
 * user rather than a group are flagged.
 */
export const IDENTITY_CENTER_ASSIGNMENTS: EvidenceCheck = {
  id: "identity-center-assignments",
  title:
    "IAM Identity Center assignments as they exist, compared with identity.yaml: the access review filled from reality",
  criteria: ["CC6.1", "CC6.2", "CC6.3"],
  covers: "collection time",
  async collect(run: EvidenceRun): Promise<CheckResult> {
    const identity = run.config.identity?.config;
    const administrator = identity?.delegatedAdministrator;
    const account = administrator
      ? run.scope.accounts.find((candidate) => candidate.name === administrator)
      : run.managementAccount;
    if (!account) {
      run.recordMissing({
        check: this.id,
        account: "organization",
        reason: `the delegated administrator ${administrator} is not an active account of the organization`,
      });
      return NOT_COLLECTED;
    }
    const read = await run.inAccount(this.id, account, run.homeRegion, ({ clients, region }) =>
      readAssignments(
        clients,
        region,
        run.tree.accounts.map((candidate) => candidate.id),
      ),
    );
    if (!read) return NOT_COLLECTED;
    const flags: Flag[] = [];
    if (!read.value) {
      if (identity)
        flags.push({ issue: "no IAM Identity Center instance, but identity.yaml assigns access" });
      return { summary: { instances: 0 }, flags, results: { instance: null, assignments: [] } };
    }

    const nameOf = (accountId: string) =>
      run.account(accountId)?.name ??
      run.tree.accounts.find((candidate) => candidate.id === accountId)?.name ??
      accountId;
    const idOf = new Map(
      run.tree.accounts.map((candidate) => [nameOf(candidate.id), candidate.id] as const),
    );
    const privileged = new Set(
      (identity?.permissionSets ?? []).filter((set) => set.privileged).map((set) => set.name),
    );
    const key = (account: string, principal: string, permissionSet: string) =>
      [account, principal, permissionSet].join("\u0000");
    const expected = new Map(
      (identity ? expandAssignments(run.config) : []).map((assignment) => [
        key(assignment.account.name, assignment.group, assignment.permissionSet),
        assignment,
      ]),
    );

    const rows: {
      principalType: string;
      principal: string;
      permissionSet: string;
      account: string;
      accountId: string;
      privileged: boolean;
      status: Status;
    }[] = [];
    const seen = new Set<string>();
    for (const assignment of read.value.assignments) {
      const account = nameOf(assignment.accountId);
      const id = key(account, assignment.principal, assignment.permissionSet);
      const status: Status = !identity
        ? "not compared: no identity.yaml"
        : assignment.principalType === "USER"
          ? "user assignment: identity.yaml grants groups only"
          : expected.has(id)
            ? "matches identity.yaml"
            : "not in identity.yaml";
      if (status === "matches identity.yaml") seen.add(id);
      rows.push({
        principalType: assignment.principalType,
        principal: assignment.principal,
        permissionSet: assignment.permissionSet,
        account,
        accountId: assignment.accountId,
        privileged: privileged.has(assignment.permissionSet),
        status,
      });
    }
    for (const [id, assignment] of expected) {
      if (seen.has(id)) continue;
      rows.push({
        principalType: "GROUP",
        principal: assignment.group,
        permissionSet: assignment.permissionSet,
        account: assignment.account.name,
        accountId: idOf.get(assignment.account.name) ?? "not in the organization",
        privileged: privileged.has(assignment.permissionSet),
        status: "in identity.yaml, missing in AWS",
      });
    }
    rows.sort(
      (a, b) =>
        Number(b.privileged) - Number(a.privileged) ||
        a.account.localeCompare(b.account) ||
        a.principal.localeCompare(b.principal) ||
        a.permissionSet.localeCompare(b.permissionSet),
    );
    for (const row of rows.filter(
      (candidate) =>
        candidate.status !== "matches identity.yaml" &&
        candidate.status !== "not compared: no identity.yaml",
    ))
      flags.push({
        account: `${row.account} (${row.accountId})`,
        issue: `${row.principalType === "USER" ? "user" : "group"} ${row.principal} / ${row.permissionSet}: ${row.status}`,
      });
    const count = (status: Status) => rows.filter((row) => row.status === status).length;
    const csv = formatCsv([
      [
        "principal_type",
        "principal",
        "permission_set",
        "account",
        "account_id",
        "privileged",
        "status",
        "decision (keep/remove)",
        "reviewer",
        "review_date",
      ],
      ...rows.map((row) => [
        row.principalType,
        row.principal,
        row.permissionSet,
        row.account,
        row.accountId,
        row.privileged ? "yes" : "no",
        row.status,
        "",
        "",
        "",
      ]),
    ]);
    return {
      summary: {
        assignmentsInAws: read.value.assignments.length,
        assignmentsInIdentityYaml: expected.size,
        matching: count("matches identity.yaml"),
        notInIdentityYaml: count("not in identity.yaml"),
        missingInAws: count("in identity.yaml, missing in AWS"),
        userAssignments: count("user assignment: identity.yaml grants groups only"),
      },
      flags,
      results: { instance: read.value.instance, assignments: rows },
      extraFiles: [{ name: "identity-center-access-review.csv", content: csv }],
    };
  },
};
