import { PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY } from "../../contracts/tags";
import { networkAclExposures, securityGroupExposures } from "./network-exposure";
import { blocks, COMPLIANT, expectThat, isSetString, nonCompliant, NOT_APPLICABLE } from "./rule";
import type { ResourceRef, Rule, RuleContext, TerraformJson } from "./rule";
import { isToken, mentions, mentionsAttribute } from "./terraform-values";

/** The shortest public-subnet justification that says something; config asks the same. */
const MINIMUM_JUSTIFICATION_LENGTH = 20;

/** Whether the subnet carries a public-subnet justification (a token is taken on trust). */
function isJustified(subnet: ResourceRef): boolean {
  const tags = subnet.body.tags;
  if (isToken(tags)) return true;
  const justification = (tags as Record<string, unknown> | undefined)?.[
    PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY
  ];
  return (
    isToken(justification) ||
    (typeof justification === "string" &&
      justification.trim().length >= MINIMUM_JUSTIFICATION_LENGTH)
  );
}

/** Whether a VPC (named by a vpc_id value) holds a subnet with a public-subnet justification. */
function hasJustifiedSubnet(context: RuleContext, vpcId: unknown): boolean {
  return context
    .resourcesOf("aws_subnet")
    .some((subnet) => subnet.body.vpc_id === vpcId && isJustified(subnet));
}

/** A reference to an internet gateway, managed or read through a data source. */
const INTERNET_GATEWAY_REFERENCE = /(?<![\w-])aws_internet_gateway\./;

/** Whether a route (a route table's inline route, or an aws_route) goes to an internet gateway. */
function isInternetRoute({ gateway_id: gateway }: TerraformJson): boolean {
  return (
    typeof gateway === "string" &&
    (gateway.startsWith("igw-") || INTERNET_GATEWAY_REFERENCE.test(gateway))
  );
}

/** Whether a route table sends any destination to an internet gateway, inline or by aws_route. */
function routesToInternetGateway(table: ResourceRef, context: RuleContext): boolean {
  return (
    blocks(table.body.route).some(isInternetRoute) ||
    context
      .resourcesOf("aws_route")
      .some(({ body }) => mentions(body.route_table_id, table.address) && isInternetRoute(body))
  );
}

const VPC = ["aws_vpc"];

export const NETWORK_RULES: readonly Rule[] = [
  {
    id: "LZ-NET-005",
    criteria: ["CC6.1", "CC6.6"],
    title: "VPCs adopt and empty their default security group and network ACL",
    fix: "Add an aws_default_security_group and an aws_default_network_acl for the VPC, both without rules; WorkloadVpc does. AWS creates both allowing traffic, and anything launched without a choice lands in them.",
    appliesTo: VPC,
    check(vpc, context) {
      const missing = [
        context
          .resourcesOf("aws_default_security_group")
          .some(({ body }) => mentions(body.vpc_id, vpc.address))
          ? []
          : ["default security group"],
        context
          .resourcesOf("aws_default_network_acl")
          .some(({ body }) =>
            mentionsAttribute(body.default_network_acl_id, vpc, "default_network_acl_id"),
          )
          ? []
          : ["default network ACL"],
      ].flat();
      return expectThat(missing.length === 0, `does not adopt its ${missing.join(" or ")}`);
    },
  },
  {
    id: "LZ-NET-006",
    criteria: ["CC6.1", "CC6.6"],
    title: "Default security groups have no rules",
    fix: "Remove every ingress and egress rule from the aws_default_security_group (and any rule resource on it); give workloads security groups of their own that name what they allow.",
    appliesTo: ["aws_default_security_group"],
    check(group, context) {
      // Rule resources may name the group itself, or the VPC's default_security_group_id.
      const vpcAddress = /^\$\{(aws_vpc\.[^.[}]+)\.id\}$/.exec(String(group.body.vpc_id))?.[1];
      const onGroup = (value: unknown) =>
        mentions(value, group.address) ||
        (vpcAddress !== undefined &&
          typeof value === "string" &&
          value.includes(`${vpcAddress}.default_security_group_id`));
      const rules = [
        ...(blocks(group.body.ingress).length > 0 ? ["inline ingress"] : []),
        ...(blocks(group.body.egress).length > 0 ? ["inline egress"] : []),
        ...[
          "aws_vpc_security_group_ingress_rule",
          "aws_vpc_security_group_egress_rule",
          "aws_security_group_rule",
        ].flatMap((type) =>
          context
            .resourcesOf(type)
            .filter(({ body }) => onGroup(body.security_group_id))
            .map(({ address }) => address),
        ),
      ];
      return expectThat(rules.length === 0, `has rules: ${rules.join(", ")}`);
    },
  },
  {
    id: "LZ-NET-007",
    criteria: ["CC6.1", "CC6.6"],
    title: "Default network ACLs have no rules",
    fix: "Remove every ingress and egress block from the aws_default_network_acl (and any aws_network_acl_rule on it): with no rules it denies everything, so a subnet left on it is cut off rather than open.",
    appliesTo: ["aws_default_network_acl"],
    check(acl, context) {
      const rules = [
        ...(blocks(acl.body.ingress).length > 0 ? ["inline ingress"] : []),
        ...(blocks(acl.body.egress).length > 0 ? ["inline egress"] : []),
        ...context
          .resourcesOf("aws_network_acl_rule")
          .filter(
            ({ body }) =>
              mentions(body.network_acl_id, acl.address) ||
              (isSetString(acl.body.default_network_acl_id) &&
                body.network_acl_id === acl.body.default_network_acl_id),
          )
          .map(({ address }) => address),
      ];
      return expectThat(rules.length === 0, `has rules: ${rules.join(", ")}`);
    },
  },
  {
    id: "LZ-NET-008",
    criteria: ["CC6.1", "CC6.6"],
    title: "No security group admits SSH or RDP from the internet",
    fix: "Allow ports 22 and 3389 from named CIDRs or security groups only, or better, reach instances through Session Manager over the ssm interface endpoints.",
    appliesTo: [
      "aws_security_group",
      "aws_vpc_security_group_ingress_rule",
      "aws_security_group_rule",
    ],
    check(resource) {
      const exposures = securityGroupExposures(resource);
      return expectThat(exposures.length === 0, `admits ${exposures.join(", ")}`);
    },
  },
  {
    id: "LZ-NET-009",
    criteria: ["CC6.1", "CC6.6"],
    title: "No network ACL admits SSH or RDP from the internet",
    fix: "Deny ports 22 and 3389 from 0.0.0.0/0 and ::/0 with rule numbers below any allow that covers them (a return-traffic allow of 1024-65535 covers 3389); WorkloadVpc's ACLs do.",
    appliesTo: ["aws_network_acl", "aws_network_acl_rule"],
    check(resource, context) {
      const exposures = networkAclExposures(resource, context);
      return expectThat(
        exposures.length === 0,
        `allows ${exposures.join(", ")} before any rule denies it`,
      );
    },
  },
  {
    id: "LZ-NET-010",
    criteria: ["CC6.6"],
    title: "Subnets that give instances public IPs say why",
    fix: `Keep map_public_ip_on_launch false, or set publicSubnets.justification in the environment's network config: WorkloadVpc tags public subnets ${PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY} with it (at least ${MINIMUM_JUSTIFICATION_LENGTH} characters), so every path in from the internet is a recorded decision.`,
    appliesTo: ["aws_subnet"],
    check: (subnet) =>
      subnet.body.map_public_ip_on_launch !== true
        ? COMPLIANT
        : expectThat(
            isJustified(subnet),
            `assigns public IPs without a ${PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY} tag of at least ${MINIMUM_JUSTIFICATION_LENGTH} characters`,
          ),
  },
  {
    id: "LZ-NET-011",
    criteria: ["CC6.6"],
    title: "Only justified public subnets reach an internet gateway",
    fix: `Remove the internet gateway and its routes, or set publicSubnets.justification in the environment's network config so the VPC's public subnets carry ${PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY}; associate private subnets only with route tables that have no internet gateway route.`,
    appliesTo: [
      "aws_internet_gateway",
      "aws_route_table",
      "aws_route",
      "aws_route_table_association",
    ],
    check(resource, context) {
      const { body } = resource;
      switch (resource.type) {
        case "aws_internet_gateway":
          if (body.vpc_id === undefined) return NOT_APPLICABLE; // detached: it routes nothing
          return expectThat(
            hasJustifiedSubnet(context, body.vpc_id),
            "is attached to a VPC without a justified public subnet",
          );
        case "aws_route_table":
          // Inline routes only: an aws_route answers for itself below.
          return expectThat(
            !blocks(body.route).some(isInternetRoute) || hasJustifiedSubnet(context, body.vpc_id),
            "routes to an internet gateway in a VPC without a justified public subnet",
          );
        case "aws_route": {
          const table = context
            .resourcesOf("aws_route_table")
            .find(({ address }) => mentions(body.route_table_id, address));
          if (!table || !isInternetRoute(body)) return COMPLIANT;
          return expectThat(
            hasJustifiedSubnet(context, table.body.vpc_id),
            "routes to an internet gateway in a VPC without a justified public subnet",
          );
        }
        default: {
          const table = context
            .resourcesOf("aws_route_table")
            .find(({ address }) => mentions(body.route_table_id, address));
          const subnet = context
            .resourcesOf("aws_subnet")
            .find(({ address }) => mentions(body.subnet_id, address));
          if (!table || !subnet) return COMPLIANT; // nothing here shows an internet route
          return expectThat(
            !routesToInternetGateway(table, context) || isJustified(subnet),
            `gives ${subnet.address}, which has no public-subnet justification, a route to an internet gateway`,
          );
        }
      }
    },
  },
  {
    id: "LZ-NET-012",
    criteria: ["CC6.1", "CC6.6"],
    title: "VPC endpoints keep service traffic on private routes",
    fix: "Private subnets reach AWS services through endpoints, not the internet: give interface endpoints private_dns_enabled true and a security group of their own (443 from the VPC), and gateway endpoints the private route tables; WorkloadVpc does.",
    appliesTo: ["aws_vpc_endpoint"],
    check({ body }) {
      const type = body.vpc_endpoint_type ?? "Gateway";
      const present = (value: unknown) =>
        isToken(value) || (Array.isArray(value) && value.length > 0);
      if (type === "Interface") {
        if (body.private_dns_enabled !== true && !isToken(body.private_dns_enabled))
          return nonCompliant("is an interface endpoint without private DNS");
        return expectThat(
          present(body.security_group_ids),
          "is an interface endpoint without a security group of its own",
        );
      }
      if (type === "Gateway")
        return expectThat(present(body.route_table_ids), "is a gateway endpoint on no route table");
      return NOT_APPLICABLE;
    },
  },
];
