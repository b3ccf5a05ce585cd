import type { ConfigProblem } from "../loader/config-problem";
import { ifReadable } from "../loader/salvage";
import { availabilityZoneCount } from "../model/availability-zones";
import type { SourcedConfig } from "../model/landing-zone-config";
import { networkRegionsOf } from "../model/network";
import type { EnvironmentConfig } from "../schema/environment-schema";
import {
  LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS,
  MAX_AVAILABILITY_ZONES_WITH_PUBLIC_SUBNETS,
} from "../schema/network-schema";
import type { SemanticCheck } from "./semantic-check";

/**
 * An environment's network fits its regions: each is governed and listed once, and has as many
 * Availability Zones as the VPCs span. The zone counts are those a new account can use
 * (config/model/availability-zones.ts); a region missing from that table is refused, not guessed.
 */
export const checkNetworkSettings: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const governed = organization.config.governedRegions;
  return environments.flatMap((environment) =>
    ifReadable(() => networkSettingsProblems(environment, governed), []),
  );
};

function networkSettingsProblems(
  { file, config }: SourcedConfig<EnvironmentConfig>,
  governed: readonly string[],
): ConfigProblem[] {
  const network = config.network;
  if (!network) return [];
  const problems: ConfigProblem[] = [];
  const problem = (path: PropertyKey[], message: string, received: unknown, fix: string) =>
    problems.push({ file, path: ["network", ...path], message, received, fix });

  const regions = networkRegionsOf(network, governed);
  regions.forEach((region, index) => {
    if (regions.indexOf(region) !== index)
      problem(["regions", index], "is listed twice", region, "Remove the duplicate.");
    else if (!governed.includes(region))
      problem(
        ["regions", index],
        "is not a governed region",
        region,
        `Use governed regions only (${governed.join(", ")}), or add ${region} to governedRegions in organization.yaml.`,
      );
  });

  const zones = network.availabilityZones;
  for (const region of new Set(regions.filter((candidate) => governed.includes(candidate)))) {
    const available = availabilityZoneCount(region);
    if (available === undefined)
      problem(
        ["availabilityZones"],
        `can't be checked in ${region}, a region missing from the landing zone's table of Availability Zones`,
        zones,
        `Add ${region} with the number of zones a new account can use to config/model/availability-zones.ts, or leave it out of network.regions.`,
      );
    else if (zones > available)
      problem(
        ["availabilityZones"],
        `is more than the ${available} Availability Zones a new account can use in ${region}`,
        zones,
        `Lower availabilityZones to ${available}, or leave ${region} out of network.regions.`,
      );
  }
  if (network.publicSubnets && zones > MAX_AVAILABILITY_ZONES_WITH_PUBLIC_SUBNETS)
    problem(
      ["availabilityZones"],
      `is more than ${MAX_AVAILABILITY_ZONES_WITH_PUBLIC_SUBNETS}, the most Availability Zones a VPC with public subnets spans`,
      zones,
      `Lower availabilityZones to ${MAX_AVAILABILITY_ZONES_WITH_PUBLIC_SUBNETS}, or drop publicSubnets.`,
    );

  // Public subnets are a sixteenth of the VPC each, and AWS's smallest subnet is /28.
  if (network.publicSubnets) {
    const tooSmall = (cidr: string) =>
      Number(cidr.split("/")[1]) > LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS;
    const fix = `Use VPC blocks of /${LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS} or larger, or drop publicSubnets.`;
    const { ipam, cidrs } = network.addressing;
    if (ipam && ipam.netmaskLength > LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS)
      problem(
        ["addressing", "ipam", "netmaskLength"],
        `is too small for public subnets, which need a VPC of /${LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS} or larger`,
        ipam.netmaskLength,
        fix,
      );
    for (const [account, blocks] of Object.entries(cidrs ?? {}))
      for (const [region, cidr] of Object.entries(blocks).filter(([, block]) => tooSmall(block)))
        problem(
          ["addressing", "cidrs", account, region],
          `is too small for public subnets, which need a VPC of /${LARGEST_VPC_NETMASK_WITH_PUBLIC_SUBNETS} or larger`,
          cidr,
          fix,
        );
  }

  network.interfaceEndpoints.forEach((service, index) => {
    if (network.interfaceEndpoints.indexOf(service) !== index)
      problem(["interfaceEndpoints", index], "is listed twice", service, "Remove the duplicate.");
  });
  return problems;
}
