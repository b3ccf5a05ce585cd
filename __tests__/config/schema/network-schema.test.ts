import { problemsOfEditedExample } from "../config-problems";

const VPC_BLOCK =
  "Expected: The VPC's IPv4 block, /16 to /26, overlapping no other VPC or IPAM pool of the organization.";
const ZONES =
  "Expected: Availability Zones each VPC spans, with a private subnet in each: 2 to 4 (3 with public subnets), and no more than the region has.";
const JUSTIFICATION =
  "Why the accounts need subnets reachable from the internet; tagged on each public subnet, so tag characters only (no commas).";
const PLATFORM_BLOCK = ["network", "addressing", "cidrs", "prod-platform", "us-east-1"];
const prodPlatformBlock = (cidr: string) =>
  ["prod.yaml", "us-east-1: 10.20.0.0/20,", `us-east-1: ${cidr},`] as const;
const stagingPublicSubnets = (publicSubnets: string) =>
  [
    "staging.yaml",
    "  interfaceEndpoints:",
    `  publicSubnets: ${publicSubnets}\n  interfaceEndpoints:`,
  ] as const;

const SIZE =
  "has a netmask outside /16 to /26, the VPC sizes AWS allows that fit a subnet of at least /28 in each of four zones";
const PUBLIC_RANGE =
  "is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10), so the internet could route to it";
const PRIVATE_OK = "";

test.each([
  ["10.20.0.0/12", SIZE],
  // AWS takes a /28 VPC, but not four /30 subnets out of it.
  ["10.20.0.0/27", SIZE],
  ["10.20.0.0/29", SIZE],
  ["8.8.0.0/20", PUBLIC_RANGE],
  // Just past the end of 172.16.0.0/12.
  ["172.32.0.0/16", PUBLIC_RANGE],
  ["172.31.0.0/16", PRIVATE_OK],
  ["10.20.0.5/20", "has host bits set; its network address is 10.20.0.0/20"],
  ["10.20/20", "is not an IPv4 CIDR block such as 10.20.0.0/20"],
  ["2001:db8::/56", "is not an IPv4 CIDR block such as 10.20.0.0/20"],
])("a VPC block %s: %s", (cidr, message) => {
  expect(problemsOfEditedExample([prodPlatformBlock(cidr)])).toEqual(
    message === PRIVATE_OK
      ? []
      : [{ file: "prod.yaml", path: PLATFORM_BLOCK, message, received: cidr, fix: VPC_BLOCK }],
  );
});

test("fewer than 2 Availability Zones are refused", () => {
  expect(
    problemsOfEditedExample([["staging.yaml", "availabilityZones: 2", "availabilityZones: 1"]]),
  ).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "availabilityZones"],
      message: "is fewer than 2; a network in one Availability Zone goes down with it",
      received: 1,
      fix: ZONES,
    },
  ]);
});

test("public subnets without a justification are refused", () => {
  expect(problemsOfEditedExample([stagingPublicSubnets("{}")])).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "publicSubnets", "justification"],
      message: "is missing",
      fix: `Add justification: ${JUSTIFICATION}`,
    },
  ]);
});

test.each([
  ["needed", "is too short to justify public subnets to an auditor (20 characters at least)"],
  [
    '"Load balancers, for the portal"',
    "has characters AWS does not allow in a tag value (no commas or apostrophes)",
  ],
])("a public subnet justification %s is refused", (justification, message) => {
  expect(
    problemsOfEditedExample([stagingPublicSubnets(`{ justification: ${justification} }`)]),
  ).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "publicSubnets", "justification"],
      message,
      received: JSON.parse(justification.startsWith('"') ? justification : `"${justification}"`),
      fix: `Expected: ${JUSTIFICATION}`,
    },
  ]);
});

test("addressing takes exactly one of ipam and cidrs", () => {
  const problems = problemsOfEditedExample([
    ["staging.yaml", "    cidrs:\n", "    ipam: { netmaskLength: 20 }\n    cidrs:\n"],
  ]);
  expect(problems).toEqual([
    expect.objectContaining({
      file: "staging.yaml",
      path: ["network", "addressing"],
      message: "must set exactly one of ipam and cidrs",
      fix: "Expected: Where VPC addresses come from: exactly one of ipam and cidrs.",
    }),
  ]);
});

test("S3 and DynamoDB are not interface endpoints: every VPC has gateway endpoints for them", () => {
  const problems = problemsOfEditedExample([
    ["staging.yaml", "[ssm, ssmmessages, ec2messages]", "[ssm, s3, ec2messages]"],
  ]);
  expect(problems).toEqual([
    expect.objectContaining({
      path: ["network", "interfaceEndpoints", 1],
      message: "has a gateway endpoint in every VPC already",
      received: "s3",
    }),
  ]);
});
