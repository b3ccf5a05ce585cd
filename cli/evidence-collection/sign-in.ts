import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { partitionOf } from "../../config/schema/primitives";
import { UserError } from "../user-error";
import { accountScope } from "./account-scope";
import type { AccountScope } from "./account-scope";
import { assumedRoleCredentials, ClientPool, describeError } from "./aws-access";
import type { ClientSettings } from "./aws-access";
import type { Limiter } from "./limiter";
import { readOrganizationTree } from "./organization-tree";
import type { OrganizationTree } from "./organization-tree";

/** What a run can't get past: no credentials, the wrong account, no organization to read. */
export class CollectionError extends UserError {}

/** The role session name every read shows in CloudTrail. */
const SESSION_NAME = "lz-collect-evidence";

export interface SignedIn {
  /** The caller's clients, in the management account. */
  readonly management: ClientPool;
  readonly caller: { readonly account: string; readonly arn: string; readonly userId: string };
  readonly tree: OrganizationTree;
  readonly scope: AccountScope;
  /** Each member account's clients, through its read role, or why that role can't be assumed. */
  readonly sessions: ReadonlyMap<string, ClientPool | { readonly failure: string }>;
}

/**
 * Checks that the SDK's credentials are the management account's, reads the organization, and
 * assumes the read role in every member account in scope. A role that can't be assumed is kept
 * with the reason, for every check of that account to record; anything else stops the run.
 */
export async function signIn(
  config: LandingZoneConfig,
  settings: ClientSettings,
  limiter: Limiter,
): Promise<SignedIn> {
  const organization = config.organization.config;
  const region = organization.homeRegion;
  const management = new ClientPool(settings);
  let identity;
  try {
    identity = await management.client(STSClient, region).send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw new CollectionError(
      `no usable AWS credentials: ${describeError(error)}. Sign in to the management account (${organization.managementAccountId}) first.`,
    );
  }
  const caller = {
    account: identity.Account ?? "",
    arn: identity.Arn ?? "",
    userId: identity.UserId ?? "",
  };
  if (caller.account !== organization.managementAccountId)
    throw new CollectionError(
      `the credentials are of account ${caller.account} (${caller.arn}), but the organization's management account is ${organization.managementAccountId}: sign in there (the evidence role, or the plan role) and run again`,
    );
  let tree;
  try {
    tree = await readOrganizationTree(management, region);
  } catch (error) {
    throw new CollectionError(
      `cannot read the organization as ${caller.arn}: ${describeError(error)}`,
    );
  }
  const scope = accountScope(config, tree);

  const partition = partitionOf(region);
  const { readRoleName } = organization.pipeline;
  const sessions = new Map<string, ClientPool | { failure: string }>();
  await Promise.all(
    scope.accounts
      .filter((account) => !account.management)
      .map(async (account) => {
        const roleArn = `arn:${partition}:iam::${account.id}:role/${readRoleName}`;
        const credentials = assumedRoleCredentials(management, region, roleArn, SESSION_NAME);
        try {
          await limiter.run(credentials);
          sessions.set(account.id, management.withCredentials(credentials));
        } catch (error) {
          sessions.set(account.id, {
            failure: `the read role ${roleArn} could not be assumed: ${describeError(error)}`,
          });
        }
      }),
  );
  return { management, caller, tree, scope, sessions };
}
