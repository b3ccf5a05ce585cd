import ipaddr from "ipaddr.js";
import type { ConfigProblem } from "../loader/config-problem";
import { didYouMean } from "../loader/did-you-mean";
import { ifReadable } from "../loader/salvage";
import type { SourcedConfig } from "../model/landing-zone-config";
import { networkRegionsOf } from "../model/network";
import type { EnvironmentConfig } from "../schema/environment-schema";
import type { IpamConfig } from "../schema/network-schema";
import type { SemanticCheck } from "./semantic-check";

const CIDRS = ["network", "addressing", "cidrs"];
const IPAM = ["network", "addressing", "ipam"];

/**
 * Every account that keeps a VPC has an address block in each network region: an explicit one
 * for each account that isn't closing, or an organization IPAM pool of the environment's in each
 * region, large enough for all of them.
 */
export const checkNetworkAddressing: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const { file: organizationFile, config: organizationConfig } = organization;
  return environments.flatMap((environment) =>
    ifReadable(() => {
      const network = environment.config.network;
      if (!network) return [];
      const regions = networkRegionsOf(network, organizationConfig.governedRegions);
      const { ipam, cidrs } = network.addressing;
      if (cidrs) return explicitAddressProblems(environment, cidrs, regions);
      if (ipam)
        return ipamAddressProblems(
          environment,
          ipam.netmaskLength,
          regions,
          organizationConfig.network?.ipam,
          organizationFile,
        );
      return [];
    }, []),
  );
};

function keptAccounts(environment: EnvironmentConfig): string[] {
  return environment.accounts
    .filter((account) => account.lifecycle?.state !== "closing")
    .map((account) => account.name);
}

function explicitAddressProblems(
  { file, config }: SourcedConfig<EnvironmentConfig>,
  cidrs: Readonly<Record<string, Readonly<Record<string, string>>>>,
  regions: readonly string[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const accounts = config.accounts.map((account) => account.name);
  for (const name of Object.keys(cidrs)) {
    if (!accounts.includes(name)) {
      problems.push({
        file,
        path: [...CIDRS, name],
        message: `is not an account of the ${config.name} environment`,
        received: name,
        fix: `${didYouMean(name, accounts)}Give blocks only to the environment's accounts: ${accounts.join(", ")}.`,
      });
      continue;
    }
    for (const region of Object.keys(cidrs[name]))
      if (!regions.includes(region))
        problems.push({
          file,
          path: [...CIDRS, name, region],
          message: `is not one of the environment's network regions (${regions.join(", ")})`,
          received: region,
          fix: `Remove it, or add ${region} to network.regions.`,
        });
  }
  for (const name of keptAccounts(config)) {
    const own = Object.hasOwn(cidrs, name) ? cidrs[name] : undefined;
    if (!own) {
      problems.push({
        file,
        path: CIDRS,
        message: `has no blocks for ${name}, which gets a VPC in ${regions.join(", ")}`,
        fix: `Add ${name}: { ${regions.map((region) => `${region}: <cidr>`).join(", ")} }, with blocks no other VPC uses.`,
      });
      continue;
    }
    for (const region of regions.filter((candidate) => !Object.hasOwn(own, candidate)))
      problems.push({
        file,
        path: [...CIDRS, name],
        message: `has no block for ${region}, one of the environment's network regions`,
        received: own,
        fix: `Add ${region}: <cidr>, a block no other VPC uses.`,
      });
  }
  return problems;
}

function ipamAddressProblems(
  { file, config }: SourcedConfig<EnvironmentConfig>,
  netmaskLength: number,
  regions: readonly string[],
  ipam: IpamConfig | undefined,
  organizationFile: string,
): ConfigProblem[] {
  if (!ipam)
    return [
      {
        file,
        path: IPAM,
        message: `asks for addresses from the organization IPAM, but ${organizationFile} has no network.ipam`,
        received: { netmaskLength },
        fix: `Add network.ipam with a pool for ${config.name} in each network region to organization.yaml, or give the VPCs explicit blocks in network.addressing.cidrs.`,
      },
    ];
  const problems: ConfigProblem[] = [];
  const accounts = keptAccounts(config).length;
  for (const region of regions) {
    const pool = ipam.pools.find(
      (candidate) => candidate.environment === config.name && candidate.region === region,
    );
    if (!pool) {
      problems.push({
        file,
        path: IPAM,
        message: `has no pool to allocate from in ${region}: ${organizationFile} network.ipam.pools has none for ${config.name} there`,
        received: { netmaskLength },
        fix: `Add { environment: ${config.name}, region: ${region}, cidr: <block> } to network.ipam.pools in organization.yaml, or leave ${region} out of network.regions.`,
      });
      continue;
    }
    const poolLength = ipaddr.IPv4.parseCIDR(pool.cidr)[1];
    const capacity = netmaskLength < poolLength ? 0 : 2 ** (netmaskLength - poolLength);
    if (capacity < accounts)
      problems.push({
        file,
        path: [...IPAM, "netmaskLength"],
        message: `makes /${netmaskLength} VPCs, and the ${config.name} pool in ${region} (${pool.cidr}) holds ${capacity} of them, fewer than the environment's ${accounts} accounts`,
        received: netmaskLength,
        fix: `Raise netmaskLength, or give the pool a larger block in ${organizationFile}.`,
      });
  }
  return problems;
}
