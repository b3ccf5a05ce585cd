import {
  DescribeOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
} from "@aws-sdk/client-organizations";
import type { ClientPool } from "./aws-access";

/** The root's name as targets are written in config (guardrails.attachments). */
export const ROOT_PATH = "Root";

export interface OrganizationAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED... */
  readonly state: string;
  /** Path of the OU it sits in ("Workloads/Production"), or Root. */
  readonly parentPath: string;
}

/** The organization as AWS has it: its root, OU tree and accounts. */
export interface OrganizationTree {
  readonly id: string;
  readonly managementAccountId: string;
  readonly rootId: string;
  /** Policy types enabled on the root (SERVICE_CONTROL_POLICY, ...). */
  readonly enabledPolicyTypes: readonly string[];
  /** Every OU, parents before children, by path. */
  readonly organizationalUnits: readonly { readonly id: string; readonly path: string }[];
  readonly accounts: readonly OrganizationAccount[];
}

/** Reads the whole tree from the management account, level by level. */
export async function readOrganizationTree(
  pool: ClientPool,
  region: string,
): Promise<OrganizationTree> {
  const client = pool.client(OrganizationsClient, region);
  const { Organization: organization } = await client.send(new DescribeOrganizationCommand({}));
  const { Roots: roots = [] } = await client.send(new ListRootsCommand({}));
  const root = roots[0];
  if (!organization?.Id || !root?.Id) throw new Error("the organization has no root");
  const organizationalUnits: { id: string; path: string }[] = [];
  const accounts: OrganizationAccount[] = [];
  let level = [{ id: root.Id, path: ROOT_PATH }];
  while (level.length > 0) {
    const next: { id: string; path: string }[] = [];
    // One level at a time, parents in turn: Organizations allows only a few calls a second.
    for (const parent of level) {
      for await (const page of paginateListAccountsForParent({ client }, { ParentId: parent.id })) {
        for (const account of page.Accounts ?? [])
          accounts.push({
            id: account.Id ?? "",
            name: account.Name ?? "",
            email: account.Email ?? "",
            state: account.State ?? account.Status ?? "UNKNOWN",
            parentPath: parent.path,
          });
      }
      for await (const page of paginateListOrganizationalUnitsForParent(
        { client },
        { ParentId: parent.id },
      )) {
        for (const unit of page.OrganizationalUnits ?? []) {
          const path = parent.path === ROOT_PATH ? unit.Name! : `${parent.path}/${unit.Name}`;
          next.push({ id: unit.Id!, path });
        }
      }
    }
    organizationalUnits.push(...next);
    level = next;
  }
  return {
    id: organization.Id,
    managementAccountId: organization.MasterAccountId ?? "",
    rootId: root.Id,
    enabledPolicyTypes: (root.PolicyTypes ?? [])
      .filter((type) => type.Status === "ENABLED")
      .map((type) => type.Type!)
      .sort(),
    organizationalUnits,
    accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)),
  };
}
