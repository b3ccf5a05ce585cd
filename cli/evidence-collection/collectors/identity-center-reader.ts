import {
  DescribeUserCommand,
  IdentitystoreClient,
  paginateListGroups,
} from "@aws-sdk/client-identitystore";
import {
  DescribePermissionSetCommand,
  paginateListAccountAssignments,
  paginateListInstances,
  paginateListPermissionSets,
  SSOAdminClient,
} from "@aws-sdk/client-sso-admin";
import type { ClientPool } from "../aws-access";
import { Limiter } from "../limiter";

/** One assignment as it exists in Identity Center, its principal and permission set by name. */
export interface ActualAssignment {
  readonly accountId: string;
  readonly principalType: "GROUP" | "USER";
  readonly principal: string;
  readonly permissionSet: string;
}

/** Calls in flight within the check: it runs as one unit, in one account. */
const INNER_CONCURRENCY = 4;

/**
 * Every assignment of the Identity Center instance in the given accounts, read where the instance
 * is administered (the management account or the delegated administrator). Undefined when there
 * is no instance.
 */
export async function readAssignments(
  clients: ClientPool,
  region: string,
  accountIds: readonly string[],
): Promise<{ instance: string; assignments: ActualAssignment[] } | undefined> {
  const admin = clients.client(SSOAdminClient, region);
  const instances = [];
  for await (const page of paginateListInstances({ client: admin }, {}))
    instances.push(...(page.Instances ?? []));
  const instance = instances[0];
  if (!instance?.InstanceArn || !instance.IdentityStoreId) return undefined;
  const { InstanceArn: instanceArn, IdentityStoreId: identityStoreId } = instance;

  const store = clients.client(IdentitystoreClient, region);
  const groups = new Map<string, string>();
  for await (const page of paginateListGroups(
    { client: store },
    { IdentityStoreId: identityStoreId },
  ))
    for (const group of page.Groups ?? [])
      groups.set(group.GroupId!, group.DisplayName ?? group.GroupId!);

  const permissionSetArns: string[] = [];
  for await (const page of paginateListPermissionSets(
    { client: admin },
    { InstanceArn: instanceArn },
  ))
    permissionSetArns.push(...(page.PermissionSets ?? []));

  // Every permission set in every account of the organization. Listing the accounts a set is
  // provisioned to first would save calls, but a delegated administrator may make these calls and
  // the emulator answers that one wrongly; this way misses nothing.
  const limiter = new Limiter(INNER_CONCURRENCY);
  const raw: {
    accountId: string;
    principalType: string;
    principalId: string;
    permissionSet: string;
  }[] = [];
  await Promise.all(
    permissionSetArns.map(async (permissionSetArn) => {
      const { PermissionSet: described } = await limiter.run(() =>
        admin.send(
          new DescribePermissionSetCommand({
            InstanceArn: instanceArn,
            PermissionSetArn: permissionSetArn,
          }),
        ),
      );
      const permissionSet = described?.Name ?? permissionSetArn;
      await Promise.all(
        accountIds.map((accountId) =>
          limiter.run(async () => {
            for await (const page of paginateListAccountAssignments(
              { client: admin },
              {
                InstanceArn: instanceArn,
                AccountId: accountId,
                PermissionSetArn: permissionSetArn,
              },
            ))
              for (const assignment of page.AccountAssignments ?? [])
                raw.push({
                  accountId,
                  principalType: assignment.PrincipalType ?? "",
                  principalId: assignment.PrincipalId ?? "",
                  permissionSet,
                });
          }),
        ),
      );
    }),
  );

  const users = new Map<string, string>();
  for (const userId of new Set(
    raw.filter((a) => a.principalType === "USER").map((a) => a.principalId),
  )) {
    const user = await store.send(
      new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: userId }),
    );
    users.set(userId, user.UserName ?? userId);
  }
  return {
    instance: instanceArn,
    assignments: raw.map((assignment) => ({
      accountId: assignment.accountId,
      principalType: assignment.principalType === "USER" ? "USER" : "GROUP",
      principal:
        assignment.principalType === "USER"
          ? (users.get(assignment.principalId) ?? assignment.principalId)
          : (groups.get(assignment.principalId) ?? assignment.principalId),
      permissionSet: assignment.permissionSet,
    })),
  };
}
