import { blocks } from "./rule";
import type { ResourceRef, RuleContext, TerraformJson } from "./rule";
import { mentions } from "./terraform-values";

/** SSH and RDP: remote administration ports, the first thing scanners of the internet try. */
const ADMIN_PORTS = [22, 3389] as const;
/** Every IPv4 and every IPv6 address: the internet. */
const ANYWHERE = ["0.0.0.0/0", "::/0"] as const;

/** One ingress permission, from a security group or a network ACL, in either's attribute names. */
export interface IngressEntry {
  readonly protocol: unknown;
  readonly fromPort: unknown;
  readonly toPort: unknown;
  /** Source CIDRs, IPv4 and IPv6 alike; a token where the list itself is computed. */
  readonly sources: readonly unknown[];
}

interface AclEntry extends IngressEntry {
  /** true for allow, false for deny, undefined when a token decides. */
  readonly allows: boolean | undefined;
  readonly ruleNumber: unknown;
  /** Address of the resource that declares the entry: the ACL itself or an aws_network_acl_rule. */
  readonly declaredBy: string;
}

const ALL_PROTOCOLS = ["-1", "all"];
const TCP = ["6", "tcp"];

/**
 * Whether the entry covers `port`: `surely` when every value is known and covers it, `maybe`
 * when a token leaves it open. An allow is evidence only when sure; a deny protects when maybe.
 */
function covers(entry: IngressEntry, port: number, certainty: "surely" | "maybe"): boolean {
  const protocol = String(entry.protocol).toLowerCase();
  if (ALL_PROTOCOLS.includes(protocol)) return true;
  if (typeof entry.protocol === "string" && entry.protocol.includes("${"))
    return certainty === "maybe";
  if (!TCP.includes(protocol)) return false;
  const { fromPort, toPort } = entry;
  if (typeof fromPort !== "number" || typeof toPort !== "number") return certainty === "maybe";
  return fromPort <= port && port <= toPort;
}

function exposuresOf(
  entry: IngressEntry,
  isAllowedFirst: (port: number, source: string) => boolean,
) {
  return ADMIN_PORTS.flatMap((port) =>
    ANYWHERE.filter(
      (source) =>
        entry.sources.includes(source) &&
        covers(entry, port, "surely") &&
        isAllowedFirst(port, source),
    ).map((source) => `port ${port} from ${source}`),
  );
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** The ingress of a security group or of one of its rule resources, whichever `resource` is. */
function securityGroupIngress(resource: ResourceRef): IngressEntry[] {
  const { body } = resource;
  switch (resource.type) {
    case "aws_vpc_security_group_ingress_rule":
      return [
        {
          protocol: body.ip_protocol,
          fromPort: body.from_port,
          toPort: body.to_port,
          sources: [body.cidr_ipv4, body.cidr_ipv6],
        },
      ];
    case "aws_security_group_rule":
      if (body.type !== "ingress") return [];
      return [
        {
          protocol: body.protocol,
          fromPort: body.from_port,
          toPort: body.to_port,
          sources: [...list(body.cidr_blocks), ...list(body.ipv6_cidr_blocks)],
        },
      ];
    default:
      return blocks(body.ingress).map((rule) => ({
        protocol: rule.protocol,
        fromPort: rule.from_port,
        toPort: rule.to_port,
        sources: [...list(rule.cidr_blocks), ...list(rule.ipv6_cidr_blocks)],
      }));
  }
}

/** "port 22 from 0.0.0.0/0", … for every admin port a security group entry opens to the internet. */
export function securityGroupExposures(resource: ResourceRef): string[] {
  return securityGroupIngress(resource).flatMap((entry) => exposuresOf(entry, () => true));
}

function inlineAclEntries(acl: ResourceRef): AclEntry[] {
  return blocks(acl.body.ingress).map((rule: TerraformJson) => ({
    protocol: rule.protocol,
    fromPort: rule.from_port,
    toPort: rule.to_port,
    sources: [rule.cidr_block, rule.ipv6_cidr_block],
    allows:
      typeof rule.action === "string" && !rule.action.includes("${")
        ? rule.action === "allow"
        : undefined,
    ruleNumber: rule.rule_no,
    declaredBy: acl.address,
  }));
}

function aclRuleEntry(rule: ResourceRef): AclEntry[] {
  const { body } = rule;
  if (body.egress === true) return [];
  const action = body.rule_action;
  return [
    {
      protocol: body.protocol,
      fromPort: body.from_port,
      toPort: body.to_port,
      sources: [body.cidr_block, body.ipv6_cidr_block],
      allows: typeof action === "string" && !action.includes("${") ? action === "allow" : undefined,
      ruleNumber: body.rule_number,
      declaredBy: rule.address,
    },
  ];
}

/**
 * Every ingress entry of the network ACL that `resource` is or belongs to: the ACL's inline
 * entries and its aws_network_acl_rule resources. A rule whose ACL isn't in the stack is read
 * beside the rules that name the same ACL id.
 */
function aclIngress(resource: ResourceRef, context: RuleContext): AclEntry[] {
  const rules = context.resourcesOf("aws_network_acl_rule");
  const acl =
    resource.type === "aws_network_acl_rule"
      ? context
          .resourcesOf("aws_network_acl")
          .find((candidate) => mentions(resource.body.network_acl_id, candidate.address))
      : resource;
  const siblings = acl
    ? rules.filter((rule) => mentions(rule.body.network_acl_id, acl.address))
    : rules.filter((rule) => rule.body.network_acl_id === resource.body.network_acl_id);
  return [...(acl ? inlineAclEntries(acl) : []), ...siblings.flatMap(aclRuleEntry)];
}

/** Rules are evaluated lowest number first; an unknown number is read in the safe place. */
function evaluationOrder(entry: AclEntry): number {
  if (typeof entry.ruleNumber === "number") return entry.ruleNumber;
  return entry.allows === true ? Infinity : -Infinity;
}

/**
 * Admin ports that an ACL entry declared by `resource` opens to the internet: an allow from
 * anywhere that no lower-numbered deny from anywhere covers. Network ACLs stop at the first
 * matching rule, so a private ACL's wide ephemeral-port allow is safe behind explicit denies.
 */
export function networkAclExposures(resource: ResourceRef, context: RuleContext): string[] {
  const entries = aclIngress(resource, context).sort(
    (a, b) => evaluationOrder(a) - evaluationOrder(b),
  );
  return entries
    .filter((entry) => entry.declaredBy === resource.address && entry.allows === true)
    .flatMap((allow) =>
      exposuresOf(allow, (port, source) => {
        const first = entries.find(
          (entry) =>
            entry.sources.includes(source) &&
            (entry === allow || (entry.allows !== true && covers(entry, port, "maybe"))),
        );
        return first === allow;
      }),
    );
}
