import ipaddr from "ipaddr.js";
import { z } from "zod";
import { AccountName, EnvironmentName, Region, TAG_CHARACTERS } from "./primitives";

/**
 * AWS accepts VPC netmasks from /16 to /28, but each VPC is cut into quarters (one per zone) and
 * AWS's smallest subnet is /28: a VPC of /26 is the smallest the layout fits
 * (modules/network/subnet-layout.ts). With public subnets the limit is /24.
 */
const VPC_NETMASK = { min: 16, max: 26 } as const;
export const LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS = 24;
/** RFC 1918 and the shared address space (RFC 6598): ranges the internet never routes. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map(
  (range) => ipaddr.IPv4.parseCIDR(range),
);

function isPrivateBlock(cidr: string): boolean {
  const first = ipaddr.IPv4.networkAddressFromCIDR(cidr);
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(cidr);
  return PRIVATE_RANGES.some((range) => first.match(range) && last.match(range));
}
/** Fewer than two zones can't survive the loss of one. */
const MIN_AVAILABILITY_ZONES = 2;
/** Each VPC is cut into equal subnets, so the zone count bounds how small they get. */
const MAX_AVAILABILITY_ZONES = 4;
export const MAX_AVAILABILITY_ZONES_WITH_PUBLIC_SUBNETS = 3;
/** Every VPC gets gateway endpoints for these; an interface endpoint would duplicate them. */
const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"];

/**
 * An IPv4 block written as AWS writes it back: four decimal parts and no host bits, so the value
 * in config is the value in state and plans stay quiet. `netmask` bounds its size.
 */
function ipv4Cidr(netmask?: { readonly min: number; readonly max: number }) {
  const block = z.string().refine((cidr) => ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr), {
    error: "is not an IPv4 CIDR block such as 10.20.0.0/20",
    abort: true,
  });
  const sized = netmask
    ? block.refine(
        (cidr) => {
          const length = ipaddr.IPv4.parseCIDR(cidr)[1];
          return length >= netmask.min && length <= netmask.max;
        },
        {
          error: `has a netmask outside /${netmask.min} to /${netmask.max}, the VPC sizes AWS allows that fit a subnet of at least /28 in each of four zones`,
          abort: true,
        },
      )
    : block;
  return sized.superRefine((cidr, context) => {
    const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
    const [address, length] = cidr.split("/");
    if (address !== network)
      context.addIssue({
        code: "custom",
        message: `has host bits set; its network address is ${network}/${length}`,
        input: cidr,
      });
    else if (!isPrivateBlock(cidr))
      context.addIssue({
        code: "custom",
        message:
          "is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10), so the internet could route to it",
        input: cidr,
      });
  });
}

const VpcCidr = ipv4Cidr(VPC_NETMASK).describe(
  `The VPC's IPv4 block, /${VPC_NETMASK.min} to /${VPC_NETMASK.max}, overlapping no other VPC or IPAM pool of the organization.`,
);

const PoolSchema = z.strictObject({
  environment: EnvironmentName.describe("The environment whose VPCs draw from this pool."),
  region: Region.describe("Governed region of the pool (its locale) and of the VPCs it serves."),
  cidr: ipv4Cidr().describe(
    "The pool's IPv4 block, such as 10.16.0.0/14, overlapping no other pool or explicit VPC block.",
  ),
});

/** organization.yaml `network`: what the organization provides every environment's network. */
export const OrganizationNetworkSchema = z
  .strictObject({
    ipam: z
      .strictObject({
        account: AccountName.optional().describe(
          "Core account that owns the IPAM and shares its pools through RAM. Default: coreAccounts.sharedServices.",
        ),
        pools: z
          .array(PoolSchema)
          .min(1, { error: "is empty; an IPAM needs a pool for each environment and region" })
          .describe(
            "One pool per environment and region, shared with the environment's OU; VPCs are allocated from them.",
          ),
      })
      .optional()
      .describe(
        "An organization IPAM that allocates VPC addresses. Environments use it with network.addressing.ipam.",
      ),
  })
  .describe("Organization-wide networking.");

const AddressingSchema = z
  .strictObject({
    ipam: z
      .strictObject({
        netmaskLength: z
          .number()
          .int()
          .min(VPC_NETMASK.min, {
            error: `is below /${VPC_NETMASK.min}, the largest VPC AWS allows`,
          })
          .max(VPC_NETMASK.max, {
            error: `is above /${VPC_NETMASK.max}, the smallest VPC that fits a /28 subnet in each of four zones`,
          })
          .describe(`Size of each VPC, /${VPC_NETMASK.min} to /${VPC_NETMASK.max}, such as 20.`),
      })
      .optional()
      .describe(
        "Allocate each VPC from the organization IPAM pool of this environment and its region (organization.yaml network.ipam).",
      ),
    cidrs: z
      .record(
        AccountName,
        z
          .record(Region, VpcCidr)
          .describe("The account's VPC blocks, by region: { us-east-1: 10.20.0.0/20 }."),
      )
      .optional()
      .describe(
        "Explicit VPC blocks: for every account of the environment (except closing ones), one per network region.",
      ),
  })
  .refine((addressing) => (addressing.ipam === undefined) !== (addressing.cidrs === undefined), {
    error: "must set exactly one of ipam and cidrs",
  })
  .describe("Where VPC addresses come from: exactly one of ipam and cidrs.");

/** Environment file `network`: a VPC for each account in each network region. */
export const EnvironmentNetworkSchema = z
  .strictObject({
    regions: z
      .array(Region)
      .min(1, { error: "is empty; leave regions out to use every governed region" })
      .optional()
      .describe("Governed regions where each account gets a VPC. Default: every governed region."),
    availabilityZones: z
      .number()
      .int()
      .min(MIN_AVAILABILITY_ZONES, {
        error: `is fewer than ${MIN_AVAILABILITY_ZONES}; a network in one Availability Zone goes down with it`,
      })
      .max(MAX_AVAILABILITY_ZONES, {
        error: `is more than ${MAX_AVAILABILITY_ZONES}, the most Availability Zones a VPC is split across`,
      })
      .default(MIN_AVAILABILITY_ZONES)
      .describe(
        `Availability Zones each VPC spans, with a private subnet in each: ${MIN_AVAILABILITY_ZONES} to ${MAX_AVAILABILITY_ZONES} (${MAX_AVAILABILITY_ZONES_WITH_PUBLIC_SUBNETS} with public subnets), and no more than the region has.`,
      ),
    addressing: AddressingSchema,
    publicSubnets: z
      .strictObject({
        justification: z
          .string()
          .trim()
          .min(20, {
            error: "is too short to justify public subnets to an auditor (20 characters at least)",
          })
          .max(256, { error: "is longer than the 256 characters AWS allows for a tag value" })
          .regex(TAG_CHARACTERS, {
            error: "has characters AWS does not allow in a tag value (no commas or apostrophes)",
          })
          .describe(
            "Why the accounts need subnets reachable from the internet; tagged on each public subnet, so tag characters only (no commas).",
          ),
      })
      .optional()
      .describe(
        "Public subnets with an internet gateway, beside the private ones. Absent: no public subnets.",
      ),
    interfaceEndpoints: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, {
            error: "is not a service name such as ssm or ecr.api",
          })
          .refine((name) => !GATEWAY_ENDPOINT_SERVICES.includes(name), {
            error: "has a gateway endpoint in every VPC already",
          }),
      )
      .default([])
      .describe(
        "Services reached through interface endpoints, by the name after com.amazonaws.<region>. (ssm, kms, logs…). S3 and DynamoDB get gateway endpoints anyway.",
      ),
  })
  .describe(
    "A VPC for each account of the environment in each network region: private subnets, flow logs and DNS query logs to the log archive.",
  );

export type IpamConfig = NonNullable<z.output<typeof OrganizationNetworkSchema>["ipam"]>;
