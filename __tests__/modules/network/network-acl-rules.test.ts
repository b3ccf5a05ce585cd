import ipaddr from "ipaddr.js";
import {
  privateNetworkAclRules,
  publicNetworkAclRules,
} from "../../../modules/network/network-acl-rules";
import type { NetworkAclRules } from "../../../modules/network/network-acl-rules";

const VPC = "10.20.0.0/20";
const INSIDE = "10.20.4.7";
const OUTSIDE = "203.0.113.9";
/** An address in S3's prefix list for us-east-1: gateway endpoint traffic keeps public addresses. */
const S3 = "52.216.0.10";

type Rule = NetworkAclRules["ingress"][number];

/** What AWS does with a packet: the lowest-numbered matching rule decides; none matching denies. */
function verdict(rules: Rule[], protocol: "tcp" | "udp", address: string, port: number): string {
  const sorted = [...rules].sort((a, b) => a.ruleNo! - b.ruleNo!);
  const match = sorted.find(
    (rule) =>
      (rule.protocol === "-1" || rule.protocol === protocol) &&
      ipaddr.parse(address).match(ipaddr.parseCIDR(rule.cidrBlock!)) &&
      (rule.protocol === "-1" || (port >= rule.fromPort! && port <= rule.toPort!)),
  );
  return match ? `${match.action} (${match.ruleNo})` : "deny (*)";
}

describe.each([
  ["private", privateNetworkAclRules(VPC)],
  ["public", publicNetworkAclRules(VPC)],
])("%s subnets", (_, rules) => {
  test("refuse SSH and RDP from anywhere, the VPC included, before any allow", () => {
    for (const address of [OUTSIDE, INSIDE]) {
      expect(verdict(rules.ingress, "tcp", address, 22)).toBe("deny (100)");
      expect(verdict(rules.ingress, "tcp", address, 3389)).toBe("deny (110)");
    }
  });

  test("number rules uniquely, so each keeps its identity", () => {
    for (const list of [rules.ingress, rules.egress]) {
      const numbers = list.map((rule) => rule.ruleNo);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers).toEqual([...numbers].sort((a, b) => a! - b!));
    }
  });

  test("let responses to their HTTPS calls back in", () => {
    expect(verdict(rules.egress, "tcp", S3, 443)).toMatch(/^allow/);
    expect(verdict(rules.ingress, "tcp", S3, 50123)).toMatch(/^allow/);
  });

  test("talk to the rest of the VPC both ways", () => {
    expect(verdict(rules.ingress, "tcp", INSIDE, 5432)).toMatch(/^allow/);
    expect(verdict(rules.egress, "udp", INSIDE, 5432)).toMatch(/^allow/);
  });
});

test("private subnets take no new connection from outside the VPC", () => {
  const { ingress, egress } = privateNetworkAclRules(VPC);
  expect(verdict(ingress, "tcp", OUTSIDE, 443)).toBe("deny (*)");
  expect(verdict(ingress, "tcp", OUTSIDE, 80)).toBe("deny (*)");
  expect(verdict(ingress, "udp", OUTSIDE, 50123)).toBe("deny (*)");
  // Outside the VPC, only HTTPS goes out.
  expect(verdict(egress, "tcp", OUTSIDE, 80)).toBe("deny (*)");
  expect(verdict(egress, "tcp", OUTSIDE, 50123)).toBe("deny (*)");
});

test("public subnets take web traffic from anywhere and answer on the client's port", () => {
  const { ingress, egress } = publicNetworkAclRules(VPC);
  expect(verdict(ingress, "tcp", OUTSIDE, 443)).toBe("allow (200)");
  expect(verdict(ingress, "tcp", OUTSIDE, 80)).toBe("allow (210)");
  expect(verdict(egress, "tcp", OUTSIDE, 50123)).toBe("allow (300)");
  // Stateless: the ephemeral range is open to anything; security groups filter per port.
  expect(verdict(ingress, "tcp", OUTSIDE, 8080)).toBe("allow (300)");
  expect(verdict(ingress, "tcp", OUTSIDE, 25)).toBe("deny (*)");
});
