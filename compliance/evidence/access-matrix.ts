/** One row of the access review: a group's permission set in an account. */
export interface AccessGrant {
  readonly group: string;
  readonly permissionSet: string;
  readonly account: string;
}

/**
 * The identity capability fills this from Identity Center assignments; until then no human
 * access is managed by the landing zone, and the matrix says so.
 */
export function buildAccessMatrix(): AccessGrant[] {
  return [];
}

export function renderAccessMatrix(grants: readonly AccessGrant[]): string {
  return [
    "# Access matrix",
    "",
    "Which group holds which IAM Identity Center permission set in which account, for quarterly access reviews.",
    "",
    grants.length === 0
      ? "No Identity Center assignments are managed by the landing zone yet."
      : [
          "| group | permission set | account |",
          "| --- | --- | --- |",
          ...grants.map(
            (grant) => `| ${grant.group} | ${grant.permissionSet} | ${grant.account} |`,
          ),
        ].join("\n"),
    "",
  ].join("\n");
}
