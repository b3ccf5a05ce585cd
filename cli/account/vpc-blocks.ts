import ipaddr from "ipaddr.js";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { networkRegionsOf } from "../../config/model/network";
import { RequestError } from "./config-transaction";
import { freeAddressBlock } from "./free-address-block";

/** A block size that leaves room for subnets in up to four zones, when nothing sets another. */
const DEFAULT_NETMASK = 20;

/** How an environment addresses its VPCs, as far as an account's blocks are concerned. */
export type EnvironmentAddressing =
  | { readonly kind: "none" }
  | { readonly kind: "ipam"; readonly regions: readonly string[] }
  | {
      readonly kind: "cidrs";
      readonly regions: readonly string[];
      readonly cidrs: Readonly<Record<string, Readonly<Record<string, string>>>>;
    };

export function addressingOf(
  config: LandingZoneConfig,
  environment: string,
): EnvironmentAddressing {
  const network = config.environments.find((entry) => entry.config.name === environment)?.config
    .network;
  if (!network) return { kind: "none" };
  const regions = networkRegionsOf(network, config.organization.config.governedRegions);
  const { cidrs } = network.addressing;
  return cidrs ? { kind: "cidrs", regions, cidrs } : { kind: "ipam", regions };
}

/** The account's explicit blocks by region, in whichever environment holds them. */
export function vpcBlocksOf(
  config: LandingZoneConfig,
  account: string,
): Readonly<Record<string, string>> | undefined {
  for (const { config: environment } of config.environments) {
    const cidrs = environment.network?.addressing.cidrs;
    if (cidrs && Object.hasOwn(cidrs, account)) return cidrs[account];
  }
  return undefined;
}

/** Every block config declares anywhere: explicit VPC blocks of all environments and IPAM pools. */
function organizationBlocks(config: LandingZoneConfig): string[] {
  const pools = config.organization.config.network?.ipam?.pools ?? [];
  return [
    ...pools.map((pool) => pool.cidr),
    ...config.environments.flatMap(({ config: environment }) =>
      Object.values(environment.network?.addressing.cidrs ?? {}).flatMap((byRegion) =>
        Object.values(byRegion),
      ),
    ),
  ];
}

/** `--cidr us-east-1=10.20.48.0/20`, repeated: blocks by region. The load validates the blocks. */
export function cidrOptions(values: readonly string[] | undefined): Record<string, string> {
  const blocks: Record<string, string> = {};
  for (const pair of values ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0 || at === pair.length - 1)
      throw new RequestError(
        `--cidr takes region=block, such as us-east-1=10.20.48.0/20, got "${pair}"`,
      );
    const region = pair.slice(0, at);
    if (Object.hasOwn(blocks, region))
      throw new RequestError(
        `--cidr gives ${region} twice (${blocks[region]}, ${pair.slice(at + 1)}); give one block per region`,
      );
    blocks[region] = pair.slice(at + 1);
  }
  return blocks;
}

/** One region's block for an account, and where it came from. */
export interface VpcBlock {
  readonly region: string;
  readonly cidr: string;
  readonly source: "given" | "kept" | "allocated";
}

/**
 * The account's blocks in an environment with explicit cidrs: those `given` (by --cidr, or kept
 * from where the account was), and for every other network region the lowest free private block
 * of the size the environment's other blocks there have, beside them. Free means overlapping no
 * block or IPAM pool of the organization, nor one of the account's own.
 */
export function planVpcBlocks(
  config: LandingZoneConfig,
  addressing: Extract<EnvironmentAddressing, { kind: "cidrs" }>,
  given: readonly VpcBlock[],
): VpcBlock[] {
  // A malformed block can't be avoided; the load after the edit refuses it with its reason.
  const taken = [
    ...organizationBlocks(config),
    ...given.map((block) => block.cidr).filter((cidr) => ipaddr.IPv4.isValidCIDR(cidr)),
  ];
  const blocks = [...given];
  for (const region of addressing.regions) {
    if (given.some((block) => block.region === region)) continue;
    const siblings = Object.values(addressing.cidrs)
      .flatMap((byRegion) => (Object.hasOwn(byRegion, region) ? [byRegion[region]] : []))
      .sort((a, b) => compareBlocks(a, b));
    const cidr = freeAddressBlock(taken, usualNetmask(siblings), siblings[0]);
    if (cidr === undefined)
      throw new RequestError(
        `There is no free /${usualNetmask(siblings)} left in the private ranges for ${region}; pass --cidr ${region}=<block>.`,
      );
    taken.push(cidr);
    blocks.push({ region, cidr, source: "allocated" });
  }
  // In network-region order, as a reader of the file expects; a region outside it last.
  const order = (block: VpcBlock) =>
    addressing.regions.includes(block.region)
      ? addressing.regions.indexOf(block.region)
      : addressing.regions.length;
  return blocks.sort((a, b) => order(a) - order(b));
}

/** The netmask most of the blocks have (the first such, on a tie), or the default. */
function usualNetmask(blocks: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const block of blocks) {
    const length = ipaddr.IPv4.parseCIDR(block)[1];
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let usual = DEFAULT_NETMASK;
  let most = 0;
  for (const [length, count] of counts) if (count > most) [usual, most] = [length, count];
  return usual;
}

function compareBlocks(a: string, b: string): number {
  const [x, y] = [a, b].map((cidr) => ipaddr.IPv4.parseCIDR(cidr)[0].toByteArray());
  return x.reduce((order, byte, index) => order || byte - y[index], 0);
}

/** `name: { region: block, … }` as config.addressing.cidrs holds it, in network-region order. */
export function blocksByRegion(blocks: readonly VpcBlock[]): Record<string, string> {
  return Object.fromEntries(blocks.map((block) => [block.region, block.cidr]));
}

const SOURCES: Record<VpcBlock["source"], string> = {
  given: "from --cidr",
  kept: "kept: a new block would replace the VPC",
  allocated: "allocated: the lowest free block of the environment's size",
};

/** "  - us-east-1: 10.20.48.0/20 (allocated: …)" lines. */
export function describeBlocks(blocks: readonly VpcBlock[]): string[] {
  return blocks.map((block) => `  - ${block.region}: ${block.cidr} (${SOURCES[block.source]})`);
}
