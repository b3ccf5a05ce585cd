import { problemsOfEditedExample } from "../config-problems";

const withPools = (pools: string) =>
  [
    "organization.yaml",
    "# The CI pipeline's identity",
    `network:\n  ipam:\n    pools:\n${pools}\n# The CI pipeline's identity`,
  ] as const;

test("overlapping VPC blocks of two environments name both accounts, files and paths", () => {
  const problems = problemsOfEditedExample([
    [
      "staging.yaml",
      "staging-data: { us-east-1: 10.30.16.0/20 }",
      "staging-data: { us-east-1: 10.20.24.0/21 }",
    ],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "addressing", "cidrs", "staging-data", "us-east-1"],
      message:
        "overlaps 10.20.16.0/20, prod-data's VPC block in us-east-1 (prod.yaml network.addressing.cidrs.prod-data.us-east-1)",
      received: "10.20.24.0/21",
      fix: "Change one of the two so they don't overlap: staging-data's VPC block in us-east-1 and prod-data's VPC block in us-east-1. Networks that share addresses can never be connected.",
    },
  ]);
});

test("blocks overlap across regions and within one account too", () => {
  const problems = problemsOfEditedExample([
    ["prod.yaml", "us-west-2: 10.21.0.0/20 }", "us-west-2: 10.20.0.0/16 }"],
  ]);
  // 10.20.0.0/16 holds every prod block in us-east-1: the first comes before it in the file,
  // the others after.
  expect(problems.map(({ path, message }) => [path.slice(3).join(" "), message])).toEqual([
    [
      "prod-platform us-west-2",
      "overlaps 10.20.0.0/20, prod-platform's VPC block in us-east-1 (prod.yaml network.addressing.cidrs.prod-platform.us-east-1)",
    ],
    [
      "prod-data us-east-1",
      "overlaps 10.20.0.0/16, prod-platform's VPC block in us-west-2 (prod.yaml network.addressing.cidrs.prod-platform.us-west-2)",
    ],
    [
      "prod-analytics us-east-1",
      "overlaps 10.20.0.0/16, prod-platform's VPC block in us-west-2 (prod.yaml network.addressing.cidrs.prod-platform.us-west-2)",
    ],
  ]);
});

test("an explicit block inside an IPAM pool is refused", () => {
  const problems = problemsOfEditedExample([
    withPools("      - { environment: dev, region: us-east-1, cidr: 10.30.0.0/16 }"),
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "addressing", "cidrs", "staging-platform", "us-east-1"],
      message:
        "overlaps 10.30.0.0/16, the IPAM pool of dev in us-east-1 (organization.yaml network.ipam.pools[0].cidr)",
      received: "10.30.0.0/20",
      fix: "Change one of the two so they don't overlap: staging-platform's VPC block in us-east-1 and the IPAM pool of dev in us-east-1. Networks that share addresses can never be connected.",
    },
    expect.objectContaining({
      path: ["network", "addressing", "cidrs", "staging-data", "us-east-1"],
      received: "10.30.16.0/20",
    }),
  ]);
});

test("overlapping IPAM pools are refused", () => {
  const problems = problemsOfEditedExample([
    withPools(
      "      - { environment: prod, region: us-east-1, cidr: 10.64.0.0/14 }\n      - { environment: prod, region: us-west-2, cidr: 10.66.0.0/16 }",
    ),
  ]);
  expect(problems).toEqual([
    {
      file: "organization.yaml",
      path: ["network", "ipam", "pools", 1, "cidr"],
      message:
        "overlaps 10.64.0.0/14, the IPAM pool of prod in us-east-1 (organization.yaml network.ipam.pools[0].cidr)",
      received: "10.66.0.0/16",
      fix: "Change one of the two so they don't overlap: the IPAM pool of prod in us-west-2 and the IPAM pool of prod in us-east-1. Networks that share addresses can never be connected.",
    },
  ]);
});

test("every problem is reported in one run, a refused block leaving the others checked", () => {
  const problems = problemsOfEditedExample([
    ["prod.yaml", "us-east-1: 10.20.0.0/20,", "us-east-1: 10.20.0.5/20,"],
    [
      "staging.yaml",
      "staging-data: { us-east-1: 10.30.16.0/20 }",
      "staging-data: { us-east-1: 10.20.16.0/21 }",
    ],
    ["dev.yaml", "  notify: [finops@northwind-health.com]\n", ""],
    ["dev.yaml", "    ownerEmail: platform-team@northwind-health.com\n", ""],
    ["organization.yaml", "  - us-west-2\n", "  - us-west-2\n  - me-west-1\n"],
  ]);
  expect(problems.map(({ file, path }) => `${file} ${path.join(".")}`)).toEqual([
    "dev.yaml accounts.0.ownerEmail",
    "organization.yaml governedRegions.2",
    "prod.yaml network.addressing.cidrs.prod-platform.us-east-1",
    "staging.yaml network.addressing.cidrs.staging-data.us-east-1",
  ]);
});
