import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { accountBaselineStackName } from "../../config/model/stack-names";
import { addressingOf, planVpcBlocks, vpcBlocksOf } from "./vpc-blocks";
import type { VpcBlock } from "./vpc-blocks";

/**
 * What a move does to an account's VPCs: the blocks it takes into the target's
 * network.addressing.cidrs (none unless the target has explicit blocks), and a line per region
 * saying what happens to its VPC there.
 */
export function movedVpcBlocks(
  config: LandingZoneConfig,
  name: string,
  from: string,
  to: string,
): { blocks: VpcBlock[] | undefined; report: string[]; changesVpcs: boolean } {
  const source = addressingOf(config, from);
  const target = addressingOf(config, to);
  const had = source.kind === "none" ? [] : source.regions;
  const own = vpcBlocksOf(config, name) ?? {};
  const lines: string[] = [];
  let blocks: VpcBlock[] | undefined;
  let changesVpcs = false;

  if (target.kind === "cidrs") {
    // Re-addressing a VPC replaces it, with everything in it: a block travels with its account.
    const kept = target.regions
      .filter((region) => Object.hasOwn(own, region))
      .map((region): VpcBlock => ({ region, cidr: own[region], source: "kept" }));
    blocks = planVpcBlocks(config, target, kept);
    changesVpcs = blocks.some((block) => block.source !== "kept");
    for (const block of blocks)
      lines.push(
        block.source === "kept"
          ? `${block.region}: keeps its VPC and its block ${block.cidr}, now in ${to}'s network.addressing.cidrs; a new block would replace the VPC`
          : had.includes(block.region)
            ? `${block.region}: its VPC is replaced (destroyed and created again) with block ${block.cidr}, the lowest free one of ${to}'s size; move its workloads out first, or pass the old block in ${to}'s cidrs by hand`
            : `${block.region}: a new VPC with block ${block.cidr}, the lowest free one of ${to}'s size`,
      );
  } else if (target.kind === "ipam") {
    changesVpcs = target.regions.length > 0;
    for (const region of target.regions)
      lines.push(
        had.includes(region)
          ? `${region}: its VPC is replaced (destroyed and created again) with addresses from ${to}'s IPAM pool, since re-addressing a VPC replaces it; move its workloads out first`
          : `${region}: a new VPC with addresses from ${to}'s IPAM pool`,
      );
  }
  const kept = target.kind === "none" ? [] : target.regions;
  const dropped = had.filter((candidate) => !kept.includes(candidate));
  if (dropped.length > 0) changesVpcs = true;
  for (const region of dropped)
    lines.push(
      `${region}: its VPC is destroyed: ${target.kind === "none" ? `${to} has no network` : `${region} is not one of ${to}'s network regions`}`,
    );

  return {
    blocks,
    changesVpcs,
    report:
      lines.length === 0
        ? []
        : [
            `VPCs (stack ${accountBaselineStackName(name)}):`,
            ...lines.map((line) => `  - ${line}`),
          ],
  };
}
