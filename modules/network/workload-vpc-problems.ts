import ipaddr from "ipaddr.js";
import { MAX_AZS_WITH_PUBLIC_SUBNETS, MAX_PRIVATE_AZS, vpcNetmaskProblem } from "./subnet-layout";
import type { WorkloadVpcProps } from "./workload-vpc";

const MIN_AZS = 2;
/** AWS's limit on a tag value. */
const MAX_TAG_VALUE_LENGTH = 256;
const MIN_JUSTIFICATION_LENGTH = 20;
const SERVICE_SHORT_NAME = /^[a-z0-9][a-z0-9.-]*$/;

/**
 * What is wrong with a WorkloadVpc's props, every problem at once, each with the value received
 * and what to change. The config checks catch most of these first, with file and path.
 */
export function workloadVpcProblems(props: WorkloadVpcProps): string[] {
  const problems: string[] = [];
  const publicSubnets = props.publicSubnets !== undefined;
  const maxZones = publicSubnets ? MAX_AZS_WITH_PUBLIC_SUBNETS : MAX_PRIVATE_AZS;
  if (
    !Number.isInteger(props.availabilityZones) ||
    props.availabilityZones < MIN_AZS ||
    props.availabilityZones > maxZones
  ) {
    problems.push(
      `availabilityZones must be from ${MIN_AZS} to ${maxZones}${publicSubnets ? " with public subnets (they take the fourth quarter of the VPC)" : ""}, got ${props.availabilityZones}`,
    );
  }
  if ("cidr" in props.addressing) {
    const { cidr } = props.addressing;
    if (!ipaddr.IPv4.isValidCIDR(cidr)) {
      problems.push(`cidr must be an IPv4 CIDR such as 10.20.0.0/20, got "${cidr}"`);
    } else {
      const [, prefix] = ipaddr.IPv4.parseCIDR(cidr);
      const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
      if (`${network}/${prefix}` !== cidr)
        problems.push(`cidr must be a network address, got "${cidr}"; use "${network}/${prefix}"`);
      const netmask = vpcNetmaskProblem(prefix, publicSubnets);
      if (netmask) problems.push(`cidr ${netmask}`);
    }
  } else {
    const netmask = vpcNetmaskProblem(props.addressing.netmaskLength, publicSubnets);
    if (netmask) problems.push(`netmaskLength ${netmask}`);
  }
  if (props.publicSubnets) {
    const { justification } = props.publicSubnets;
    if (
      justification.trim().length < MIN_JUSTIFICATION_LENGTH ||
      justification.length > MAX_TAG_VALUE_LENGTH
    )
      problems.push(
        `publicSubnets.justification must be ${MIN_JUSTIFICATION_LENGTH} to ${MAX_TAG_VALUE_LENGTH} characters (it becomes a tag value), got ${justification.length}: "${justification}"`,
      );
  }
  const seen = new Set<string>();
  for (const service of props.interfaceEndpoints) {
    if (!SERVICE_SHORT_NAME.test(service) || service.startsWith("com.amazonaws."))
      problems.push(
        `interfaceEndpoints takes service short names such as "ssm" or "ecr.api", got "${service}"`,
      );
    else if (["s3", "dynamodb"].includes(service))
      problems.push(
        `interfaceEndpoints must not list "${service}": every VPC already has its gateway endpoint`,
      );
    else if (seen.has(service)) problems.push(`interfaceEndpoints lists "${service}" twice`);
    seen.add(service);
  }
  return problems;
}
