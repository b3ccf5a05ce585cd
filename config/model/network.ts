import type { EnvironmentConfig } from "../schema/environment-schema";
import type { IpamConfig } from "../schema/network-schema";
import type { OrganizationConfig } from "../schema/organization-schema";

/** Where one account's VPC goes and where its addresses come from. */
export interface VpcPlan {
  readonly region: string;
  readonly addressing:
    | { readonly cidr: string }
    | {
        /** The organization IPAM pool of this environment and region. */
        readonly ipamPool: { environment: string; region: string };
        readonly netmaskLength: number;
      };
}

/**
 * The VPCs an account of the environment gets: one per network region, none when the environment
 * has no network or the account is closing (it is on its way out; a new VPC would only delay
 * that). The config checks guarantee every other account a block in every network region.
 */
export function vpcPlansFor(environment: EnvironmentConfig, accountName: string): VpcPlan[] {
  const account = environment.accounts.find((candidate) => candidate.name === accountName);
  if (!account)
    throw new Error(`vpcPlansFor: environment ${environment.name} has no account ${accountName}`);
  const network = environment.network;
  if (!network || account.lifecycle?.state === "closing") return [];
  if (network.regions === undefined)
    throw new Error(
      `vpcPlansFor: ${environment.name}'s network.regions is unset; loadLandingZoneConfig defaults it to the governed regions`,
    );
  const { ipam, cidrs } = network.addressing;
  return network.regions.map((region): VpcPlan => {
    if (ipam)
      return {
        region,
        addressing: {
          ipamPool: { environment: environment.name, region },
          netmaskLength: ipam.netmaskLength,
        },
      };
    const cidr = cidrs?.[accountName]?.[region];
    if (cidr === undefined)
      throw new Error(
        `vpcPlansFor: ${accountName} has no CIDR for ${region} in ${environment.name}`,
      );
    return { region, addressing: { cidr } };
  });
}

/**
 * The name of the core account that holds the organization IPAM: the one config names, else the
 * shared-services account (config checks refuse an IPAM with neither).
 */
export function ipamAccountName(organization: OrganizationConfig, ipam: IpamConfig): string {
  const name = ipam.account ?? organization.coreAccounts.sharedServices?.name;
  if (name === undefined)
    throw new Error(
      "ipamAccountName: network.ipam names no account and there is no sharedServices",
    );
  return name;
}

/** The regions where the environment's accounts get VPCs: its own list, or every governed region. */
export function networkRegionsOf(
  network: NonNullable<EnvironmentConfig["network"]>,
  governedRegions: readonly string[],
): readonly string[] {
  return network.regions ?? governedRegions;
}
