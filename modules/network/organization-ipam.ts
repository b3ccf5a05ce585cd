import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { VpcIpam } from "@cdktf/provider-aws/lib/vpc-ipam";
import { VpcIpamPool } from "@cdktf/provider-aws/lib/vpc-ipam-pool";
import { VpcIpamPoolCidr } from "@cdktf/provider-aws/lib/vpc-ipam-pool-cidr";
import { Token } from "cdktf";
import { Construct } from "constructs";
import ipaddr from "ipaddr.js";
import { constructIdOf } from "../terraform/construct-id";

/** One environment's addresses in one region. */
export interface IpamPoolPlan {
  readonly environment: string;
  /** Where VPCs take their addresses from this pool: the pool's locale. */
  readonly region: string;
  /** The IPv4 block the pool hands out, such as 10.16.0.0/14. */
  readonly cidr: string;
}

/** An OU whose accounts may allocate from an environment's pools. */
export interface IpamShareTarget {
  /** The OU's path, which names the association ("Workloads/Production"). */
  readonly ouPath: string;
  readonly arn: string;
}

export interface OrganizationIpamProps {
  readonly namePrefix: string;
  /**
   * The IPAM's home region. Its pools, their CIDRs and the RAM shares live here whatever their
   * locale, since IPAM resources are managed only from the home region.
   * @default the provider's region (then it must be one of `operatingRegions`, unchecked here)
   */
  readonly homeRegion?: string;
  /** Regions where the IPAM manages addresses: the home region and every pool's locale. */
  readonly operatingRegions: readonly string[];
  readonly pools: readonly IpamPoolPlan[];
  /**
   * The OUs each environment's pools are shared with, by environment: the environment's OU, and
   * the OU of any of its accounts placed elsewhere.
   */
  readonly sharedWith: Readonly<Record<string, readonly IpamShareTarget[]>>;
}

/**
 * The organization's IPAM, in the network (or shared services) account once it is IPAM's
 * delegated administrator (see IpamDelegation): a private pool per environment and region, and
 * one RAM share per environment, open to that environment's OU and to nobody outside the
 * organization. Workload VPCs allocate from the pool of their environment and region
 * (`poolIdOf`), so no two VPCs of the organization can overlap.
 */
export class OrganizationIpam extends Construct {
  readonly ipam: VpcIpam;
  private readonly pools = new Map<string, VpcIpamPool>();

  constructor(scope: Construct, id: string, props: OrganizationIpamProps) {
    super(scope, id);
    validate(props);
    const region = props.homeRegion;
    this.ipam = new VpcIpam(this, "ipam", {
      region,
      description: `${props.namePrefix} organization IPAM`,
      operatingRegions: [...new Set(props.operatingRegions)]
        .sort()
        .map((regionName) => ({ regionName })),
      tags: { Name: `${props.namePrefix}-organization` },
    });
    for (const plan of props.pools) {
      const key = poolKey(plan.environment, plan.region);
      const pool = new VpcIpamPool(this, `pool-${key}`, {
        region,
        addressFamily: "ipv4",
        ipamScopeId: this.ipam.privateDefaultScopeId,
        locale: plan.region,
        description: `${plan.environment} VPCs in ${plan.region}`,
        tags: { Name: `${props.namePrefix}-${key}` },
      });
      new VpcIpamPoolCidr(this, `pool-cidr-${key}`, {
        region,
        ipamPoolId: pool.id,
        cidr: plan.cidr,
      });
      this.pools.set(key, pool);
    }
    for (const [environment, plans] of byEnvironment(props.pools)) {
      const share = new RamResourceShare(this, `share-${environment}`, {
        region,
        name: `${props.namePrefix}-ipam-${environment}`,
        allowExternalPrincipals: false,
      });
      for (const plan of plans) {
        new RamResourceAssociation(this, `share-${poolKey(environment, plan.region)}`, {
          region,
          resourceShareArn: share.arn,
          resourceArn: this.pool(environment, plan.region).arn,
        });
      }
      for (const target of props.sharedWith[environment])
        new RamPrincipalAssociation(this, `share-${environment}-${constructIdOf(target.ouPath)}`, {
          region,
          resourceShareArn: share.arn,
          principal: target.arn,
        });
    }
  }

  /** The id of the pool VPCs of `environment` in `region` allocate from. */
  poolIdOf(environment: string, region: string): string {
    return this.pool(environment, region).id;
  }

  private pool(environment: string, region: string): VpcIpamPool {
    const pool = this.pools.get(poolKey(environment, region));
    if (!pool)
      throw new Error(
        `OrganizationIpam has no pool for environment "${environment}" in ${region} (pools: ${[...this.pools.keys()].join(", ")}); add one to network.ipam.pools in organization.yaml`,
      );
    return pool;
  }
}

const poolKey = (environment: string, region: string) => `${environment}-${region}`;

function byEnvironment(pools: readonly IpamPoolPlan[]): Map<string, IpamPoolPlan[]> {
  const grouped = new Map<string, IpamPoolPlan[]>();
  for (const plan of pools)
    grouped.set(plan.environment, [...(grouped.get(plan.environment) ?? []), plan]);
  return grouped;
}

function validate(props: OrganizationIpamProps): void {
  const operating = new Set(props.operatingRegions);
  if (props.homeRegion !== undefined && !operating.has(props.homeRegion))
    throw new Error(
      `OrganizationIpam's home region ${props.homeRegion} must be one of its operating regions, got [${props.operatingRegions.join(", ")}]`,
    );
  if (props.pools.length === 0) throw new Error("OrganizationIpam needs at least one pool, got []");
  const seen = new Set<string>();
  for (const plan of props.pools) {
    const key = poolKey(plan.environment, plan.region);
    if (seen.has(key))
      throw new Error(
        `OrganizationIpam has two pools for environment "${plan.environment}" in ${plan.region}; keep one`,
      );
    seen.add(key);
    if (!operating.has(plan.region))
      throw new Error(
        `OrganizationIpam's pool for "${plan.environment}" is in ${plan.region}, which is not an operating region (${[...operating].join(", ")}); add the region to operatingRegions`,
      );
    if (!Token.isUnresolved(plan.cidr) && !isIpv4Cidr(plan.cidr))
      throw new Error(
        `OrganizationIpam's pool for "${plan.environment}" in ${plan.region} needs an IPv4 CIDR such as 10.16.0.0/14, got "${plan.cidr}"`,
      );
  }
  for (const environment of byEnvironment(props.pools).keys()) {
    if ((props.sharedWith[environment] ?? []).length === 0)
      throw new Error(
        `OrganizationIpam shares "${environment}"'s pools with no OU; give sharedWith.${environment} the environment's OU`,
      );
  }
}

function isIpv4Cidr(cidr: string): boolean {
  return ipaddr.IPv4.isValidCIDR(cidr);
}
