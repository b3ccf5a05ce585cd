import { problemsOfEditedExample } from "../config-problems";

const CIDRS = ["network", "addressing", "cidrs"];
const IPAM_ADDRESSING = [
  "staging.yaml",
  / {4}cidrs:\n( {6}.*\n)+/,
  "    ipam: { netmaskLength: 20 }\n",
] as const;
const ipamPools = (pools: string) =>
  [
    "organization.yaml",
    "# The CI pipeline's identity",
    `network:\n  ipam:\n    pools:\n${pools}\n# The CI pipeline's identity`,
  ] as const;

test("a block for an account the environment doesn't have is refused, and the account it meant to name lacks one", () => {
  const problems = problemsOfEditedExample([
    ["staging.yaml", "staging-data: { us-east-1", "staging-dta: { us-east-1"],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: CIDRS,
      message: "has no blocks for staging-data, which gets a VPC in us-east-1",
      fix: "Add staging-data: { us-east-1: <cidr> }, with blocks no other VPC uses.",
    },
    {
      file: "staging.yaml",
      path: [...CIDRS, "staging-dta"],
      message: "is not an account of the staging environment",
      received: "staging-dta",
      fix: 'Did you mean "staging-data"? Give blocks only to the environment\'s accounts: staging-platform, staging-data.',
    },
  ]);
});

test("an account without a block in one of the network regions is refused", () => {
  const problems = problemsOfEditedExample([
    [
      "prod.yaml",
      "prod-analytics: { us-east-1: 10.20.32.0/20, us-west-2: 10.21.32.0/20 }",
      "prod-analytics: { us-east-1: 10.20.32.0/20 }",
    ],
  ]);
  expect(problems).toEqual([
    {
      file: "prod.yaml",
      path: [...CIDRS, "prod-analytics"],
      message: "has no block for us-west-2, one of the environment's network regions",
      received: { "us-east-1": "10.20.32.0/20" },
      fix: "Add us-west-2: <cidr>, a block no other VPC uses.",
    },
  ]);
});

test("a block in a region outside the network is refused", () => {
  const problems = problemsOfEditedExample([
    [
      "staging.yaml",
      "{ us-east-1: 10.30.0.0/20 }",
      "{ us-east-1: 10.30.0.0/20, us-west-2: 10.31.0.0/20 }",
    ],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: [...CIDRS, "staging-platform", "us-west-2"],
      message: "is not one of the environment's network regions (us-east-1)",
      received: "us-west-2",
      fix: "Remove it, or add us-west-2 to network.regions.",
    },
  ]);
});

test("a closing account needs no block", () => {
  const problems = problemsOfEditedExample([
    ["staging.yaml", "      staging-data: { us-east-1: 10.30.16.0/20 }\n", ""],
    [
      "staging.yaml",
      "    ownerEmail: data-team@northwind-health.com\n",
      '    ownerEmail: data-team@northwind-health.com\n    id: "777788889999"\n    lifecycle:\n      state: closing\n      reason: Replaced by prod-data in the 2026 consolidation\n      since: 2026-11-01\n',
    ],
  ]);
  expect(problems).toEqual([]);
});

test("IPAM addressing without an organization IPAM is refused", () => {
  const problems = problemsOfEditedExample([IPAM_ADDRESSING]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "addressing", "ipam"],
      message:
        "asks for addresses from the organization IPAM, but organization.yaml has no network.ipam",
      received: { netmaskLength: 20 },
      fix: "Add network.ipam with a pool for staging in each network region to organization.yaml, or give the VPCs explicit blocks in network.addressing.cidrs.",
    },
  ]);
});

test("IPAM addressing needs a pool of the environment in each network region", () => {
  const problems = problemsOfEditedExample([
    IPAM_ADDRESSING,
    ["staging.yaml", "regions: [us-east-1]", "regions: [us-east-1, us-west-2]"],
    ipamPools("      - { environment: staging, region: us-east-1, cidr: 10.64.0.0/16 }"),
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "addressing", "ipam"],
      message:
        "has no pool to allocate from in us-west-2: organization.yaml network.ipam.pools has none for staging there",
      received: { netmaskLength: 20 },
      fix: "Add { environment: staging, region: us-west-2, cidr: <block> } to network.ipam.pools in organization.yaml, or leave us-west-2 out of network.regions.",
    },
  ]);
});

test("an IPAM pool too small for the environment's VPCs is refused", () => {
  const problems = problemsOfEditedExample([
    IPAM_ADDRESSING,
    ipamPools("      - { environment: staging, region: us-east-1, cidr: 10.64.0.0/20 }"),
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "addressing", "ipam", "netmaskLength"],
      message:
        "makes /20 VPCs, and the staging pool in us-east-1 (10.64.0.0/20) holds 1 of them, fewer than the environment's 2 accounts",
      received: 20,
      fix: "Raise netmaskLength, or give the pool a larger block in organization.yaml.",
    },
  ]);
});

test("IPAM addressing with pools that fit loads", () => {
  expect(
    problemsOfEditedExample([
      IPAM_ADDRESSING,
      ipamPools("      - { environment: staging, region: us-east-1, cidr: 10.64.0.0/16 }"),
    ]),
  ).toEqual([]);
});
