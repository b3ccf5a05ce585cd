/**
 * Where each subnet sits inside its VPC's CIDR, as Terraform `cidrsubnet(vpc, newbits, netnum)`
 * arguments, so the same layout works for a literal CIDR and for one IPAM allocates at apply time.
 *
 *   VPC /p, split into quarters (newbits 2, each /p+2):
 *   ┌──────────────┬──────────────┬──────────────┬──────────────────────────────┐
 *   │ private AZ 0 │ private AZ 1 │ private AZ 2 │ private AZ 3                 │  no public subnets
 *   │ quarter 0    │ quarter 1    │ quarter 2    │ quarter 3                    │
 *   ├──────────────┼──────────────┼──────────────┼───────┬───────┬───────┬──────┤
 *   │ private AZ 0 │ private AZ 1 │ private AZ 2 │ pub 0 │ pub 1 │ pub 2 │ free │  public subnets
 *   │              │              │              │ sixteenths 12..15 (each /p+4) │
 *   └──────────────┴──────────────┴──────────────┴───────┴───────┴───────┴──────┘
 *
 * Private subnet i is always quarter i, whether or not public subnets exist, so adding an AZ or
 * turning public subnets on never moves (and so never replaces) a private subnet. Public subnets
 * are small because they hold only load balancers and gateways; the workloads live in private
 * ones. The price: public subnets take the fourth quarter, so they allow at most 3 AZs.
 */

/** The arguments of `cidrsubnet(vpcCidr, newbits, netnum)` for one subnet. */
export interface SubnetSlot {
  readonly newbits: number;
  readonly netnum: number;
}

export const MAX_PRIVATE_AZS = 4;
export const MAX_AZS_WITH_PUBLIC_SUBNETS = 3;

const PRIVATE_NEWBITS = 2;
const PUBLIC_NEWBITS = 4;
/** The first sixteenth of the fourth quarter. */
const FIRST_PUBLIC_NETNUM = 12;

/** AWS accepts VPCs and subnets from /16 to /28. */
const LARGEST_PREFIX = 16;
const SMALLEST_PREFIX = 28;

export function privateSubnetSlot(zoneIndex: number): SubnetSlot {
  return { newbits: PRIVATE_NEWBITS, netnum: zoneIndex };
}

export function publicSubnetSlot(zoneIndex: number): SubnetSlot {
  return { newbits: PUBLIC_NEWBITS, netnum: FIRST_PUBLIC_NETNUM + zoneIndex };
}

/**
 * Problems with a VPC netmask for this layout: the VPC itself must be /16../28, and its smallest
 * subnet still /28 at most (so /26 for private subnets only, /24 with public subnets).
 */
export function vpcNetmaskProblem(
  netmaskLength: number,
  publicSubnets: boolean,
): string | undefined {
  const newbits = publicSubnets ? PUBLIC_NEWBITS : PRIVATE_NEWBITS;
  const smallestVpc = SMALLEST_PREFIX - newbits;
  if (
    !Number.isInteger(netmaskLength) ||
    netmaskLength < LARGEST_PREFIX ||
    netmaskLength > smallestVpc
  ) {
    const why = publicSubnets
      ? `public subnets are a sixteenth of the VPC and AWS subnets are at most /${SMALLEST_PREFIX}`
      : `private subnets are a quarter of the VPC and AWS subnets are at most /${SMALLEST_PREFIX}`;
    return `needs a VPC netmask from /${LARGEST_PREFIX} to /${smallestVpc} (${why}), got /${netmaskLength}`;
  }
  return undefined;
}
