import type { NetworkAclEgress, NetworkAclIngress } from "@cdktf/provider-aws/lib/network-acl";

/**
 * The rules of the workload VPC's network ACLs. NACLs are stateless and evaluated lowest rule
 * number first, first match wins, so:
 * - the denies of SSH and RDP come first (100s): the broad allows after them (the VPC, and the
 *   ephemeral range 1024-65535, which contains 3389) can never re-open them. Admins reach
 *   instances through Session Manager, which needs neither port;
 * - every allow of a connection has its return traffic allowed in the other direction (300s);
 * - numbers leave gaps of 10 so a later rule can slot in without renumbering.
 * A rule's number is its identity for the on-call engineer reading a flow log REJECT: keep them.
 */

type Rule = NetworkAclIngress & NetworkAclEgress;

const ANYWHERE = "0.0.0.0/0";
/** The ports clients connect from, and so where every response arrives. */
const EPHEMERAL = { fromPort: 1024, toPort: 65535 } as const;
/** Remote administration ports no NACL lets in from anywhere, the VPC included. */
const REMOTE_ADMIN_PORTS = [22, 3389] as const;

const tcp = (
  ruleNo: number,
  action: "allow" | "deny",
  cidrBlock: string,
  from: number,
  to = from,
) => ({ ruleNo, action, protocol: "tcp", cidrBlock, fromPort: from, toPort: to }) satisfies Rule;

const all = (ruleNo: number, cidrBlock: string) =>
  ({ ruleNo, action: "allow", protocol: "-1", cidrBlock, fromPort: 0, toPort: 0 }) satisfies Rule;

const denyRemoteAdmin = (): Rule[] =>
  REMOTE_ADMIN_PORTS.map((port, index) => tcp(100 + 10 * index, "deny", ANYWHERE, port));

export interface NetworkAclRules {
  readonly ingress: Rule[];
  readonly egress: Rule[];
}

/**
 * Private subnets talk freely inside the VPC and, outside it, only over HTTPS: that is what the
 * S3 and DynamoDB gateway endpoints need (their addresses are public, and NACLs can't name a
 * prefix list), and it is what a NAT or transit gateway added later would be allowed.
 */
export function privateNetworkAclRules(vpcCidr: string): NetworkAclRules {
  return {
    ingress: [
      ...denyRemoteAdmin(),
      all(200, vpcCidr),
      // Responses from the gateway endpoints (and anything reached over 443) come back here.
      tcp(300, "allow", ANYWHERE, EPHEMERAL.fromPort, EPHEMERAL.toPort),
    ],
    egress: [all(100, vpcCidr), tcp(200, "allow", ANYWHERE, 443)],
  };
}

/**
 * Public subnets accept web traffic (443, 80) from anywhere and the responses to their own
 * HTTPS calls; they answer clients on the clients' ephemeral ports and reach the VPC's private
 * subnets, the targets behind a load balancer.
 */
export function publicNetworkAclRules(vpcCidr: string): NetworkAclRules {
  return {
    ingress: [
      ...denyRemoteAdmin(),
      tcp(200, "allow", ANYWHERE, 443),
      tcp(210, "allow", ANYWHERE, 80),
      all(220, vpcCidr),
      tcp(300, "allow", ANYWHERE, EPHEMERAL.fromPort, EPHEMERAL.toPort),
    ],
    egress: [
      all(100, vpcCidr),
      tcp(200, "allow", ANYWHERE, 443),
      tcp(300, "allow", ANYWHERE, EPHEMERAL.fromPort, EPHEMERAL.toPort),
    ],
  };
}
