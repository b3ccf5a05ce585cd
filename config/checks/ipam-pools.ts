import type { ConfigProblem } from "../loader/config-problem";
import { didYouMean } from "../loader/did-you-mean";
import { ifReadable, readableItems } from "../loader/salvage";
import { CORE_ACCOUNT_ROLES } from "../model/accounts";
import type { SemanticCheck } from "./semantic-check";

/**
 * The organization IPAM lives in a core account and has one pool per environment and governed
 * region, each for an environment that exists.
 */
export const checkIpamPools: SemanticCheck = ({ organization, environments, everyFileParsed }) => {
  const ipam = organization?.config.network?.ipam;
  if (!organization || !ipam) return [];
  const { file, config } = organization;
  const problems: ConfigProblem[] = [];
  const path = ["network", "ipam"];

  const coreNames = CORE_ACCOUNT_ROLES.flatMap((role) => {
    const account = config.coreAccounts[role];
    return account ? [account.name] : [];
  });
  if (ipam.account !== undefined && !coreNames.includes(ipam.account))
    problems.push({
      file,
      path: [...path, "account"],
      message: "is not a core account",
      received: ipam.account,
      fix: `${didYouMean(ipam.account, coreNames)}Name one of coreAccounts: ${coreNames.join(", ")}. The IPAM's account administers the organization's addresses, so it is a core account, not a workload's.`,
    });
  if (ipam.account === undefined && !config.coreAccounts.sharedServices)
    problems.push({
      file,
      path,
      message: "names no account, and there is no coreAccounts.sharedServices to hold the IPAM",
      fix: `Set network.ipam.account to one of ${coreNames.join(", ")}, or add a sharedServices core account.`,
    });

  const environmentNames = environments.map((environment) => environment.config.name);
  const seen = new Set<string>();
  for (const [pool, index] of readableItems(ipam.pools)) {
    ifReadable(() => {
      const key = `${pool.environment}/${pool.region}`;
      if (seen.has(key))
        problems.push({
          file,
          path: [...path, "pools", index],
          message: `is a second pool for ${pool.environment} in ${pool.region}`,
          received: pool,
          fix: "Keep one pool per environment and region; VPCs there are allocated from it.",
        });
      seen.add(key);
      if (!config.governedRegions.includes(pool.region))
        problems.push({
          file,
          path: [...path, "pools", index, "region"],
          message: "is not a governed region",
          received: pool.region,
          fix: `Use one of ${config.governedRegions.join(", ")}.`,
        });
      // An environment file that couldn't be read would look missing.
      if (everyFileParsed && !environmentNames.includes(pool.environment))
        problems.push({
          file,
          path: [...path, "pools", index, "environment"],
          message: "is not an environment",
          received: pool.environment,
          fix: `${didYouMean(pool.environment, environmentNames)}Name one of ${environmentNames.join(", ")}.`,
        });
    }, undefined);
  }
  return problems;
};
