import ipaddr from "ipaddr.js";
import { formatPath } from "../loader/config-problem";
import { ifReadable, readableItems } from "../loader/salvage";
import type { SemanticCheck } from "./semantic-check";

/** An address block config declares: an IPAM pool or one account's VPC in one region. */
interface AddressBlock {
  readonly cidr: string;
  readonly range: [ipaddr.IPv4, number];
  /** What it is, as a problem names it: "prod-data's VPC block in us-east-1". */
  readonly label: string;
  readonly file: string;
  readonly path: readonly PropertyKey[];
}

/**
 * No two address blocks of the organization overlap, wherever they are declared: explicit VPC
 * blocks of every environment, IPAM pools, and the one against the other. Networks that share
 * addresses can never be peered or routed to each other, and an explicit block inside a pool
 * would collide with the VPCs IPAM allocates from it.
 */
export const checkAddressOverlaps: SemanticCheck = ({ organization, environments }) => {
  const blocks: AddressBlock[] = [];
  const add = (block: Omit<AddressBlock, "range">) => {
    const range: [ipaddr.IPv4, number] = [
      ipaddr.IPv4.networkAddressFromCIDR(block.cidr),
      ipaddr.IPv4.parseCIDR(block.cidr)[1],
    ];
    blocks.push({ ...block, range });
  };
  const pools = ifReadable(() => organization?.config.network?.ipam?.pools ?? [], []);
  for (const [pool, index] of readableItems(pools))
    ifReadable(
      () =>
        add({
          cidr: pool.cidr,
          label: `the IPAM pool of ${pool.environment} in ${pool.region}`,
          file: organization!.file,
          path: ["network", "ipam", "pools", index, "cidr"],
        }),
      undefined,
    );
  // Block by block, so that a block the schema refused leaves the others checked.
  for (const { file, config } of environments) {
    const cidrs = ifReadable(() => config.network?.addressing.cidrs ?? {}, {});
    for (const account of Object.keys(cidrs)) {
      const byRegion = ifReadable(() => cidrs[account], {});
      for (const region of Object.keys(byRegion))
        ifReadable(
          () =>
            add({
              cidr: byRegion[region],
              label: `${account}'s VPC block in ${region}`,
              file,
              path: ["network", "addressing", "cidrs", account, region],
            }),
          undefined,
        );
    }
  }

  return overlappingPairs(blocks).map(([block, earlier]) => ({
    file: block.file,
    path: block.path,
    message: `overlaps ${earlier.cidr}, ${earlier.label} (${earlier.file} ${formatPath(earlier.path)})`,
    received: block.cidr,
    fix: `Change one of the two so they don't overlap: ${block.label} and ${earlier.label}. Networks that share addresses can never be connected.`,
  }));
};

/**
 * Every overlapping pair as [block, an earlier block], ordered by the later block's place in
 * config, then the earlier's. A sweep over blocks sorted by first address compares each only
 * with the blocks still open there: a thousand accounts' VPCs check in milliseconds, where
 * comparing every pair took seconds.
 */
function overlappingPairs(blocks: readonly AddressBlock[]): [AddressBlock, AddressBlock][] {
  const spans = blocks
    .map((block, index) => {
      const first = block.range[0].toByteArray().reduce((value, byte) => value * 256 + byte, 0);
      return { index, first, end: first + 2 ** (32 - block.range[1]) };
    })
    .sort((a, b) => a.first - b.first || a.index - b.index);
  const pairs: [later: number, earlier: number][] = [];
  let open: typeof spans = [];
  for (const span of spans) {
    open = open.filter((candidate) => candidate.end > span.first);
    for (const other of open)
      pairs.push([Math.max(span.index, other.index), Math.min(span.index, other.index)]);
    open.push(span);
  }
  return pairs
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([later, earlier]) => [blocks[later], blocks[earlier]]);
}
