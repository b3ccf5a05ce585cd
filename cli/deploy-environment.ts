import { listAccounts } from "../config/model/accounts";
import { SHARED_DEPLOY_ENVIRONMENT } from "../contracts/github-environments";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { accountBaselineStackName, environmentStackName } from "../config/model/stack-names";

/**
 * The GitHub environment a stack's apply runs in: its landing-zone environment for environment
 * and workload-account stacks (so prod needs prod's reviewers), the shared one otherwise.
 */
export function deployEnvironmentOf(config: LandingZoneConfig): (stack: string) => string {
  const byStack = new Map<string, string>();
  for (const environment of config.environments) {
    byStack.set(environmentStackName(environment.config.name), environment.config.name);
  }
  for (const account of listAccounts(config)) {
    if (account.owner.kind === "workload")
      byStack.set(accountBaselineStackName(account.name), account.owner.environment);
  }
  return (stack) => byStack.get(stack) ?? SHARED_DEPLOY_ENVIRONMENT;
}
