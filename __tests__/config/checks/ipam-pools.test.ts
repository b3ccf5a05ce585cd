import { problemsOfEditedExample } from "../config-problems";

const withIpam = (ipam: string) =>
  [
    "organization.yaml",
    "# The CI pipeline's identity",
    `network:\n  ipam:\n${ipam}\n# The CI pipeline's identity`,
  ] as const;
const POOL = "      - { environment: prod, region: us-east-1, cidr: 10.64.0.0/16 }";

test("the IPAM's account must be a core account", () => {
  const problems = problemsOfEditedExample([
    withIpam(`    account: prod-platform\n    pools:\n${POOL}`),
  ]);
  expect(problems).toEqual([
    {
      file: "organization.yaml",
      path: ["network", "ipam", "account"],
      message: "is not a core account",
      received: "prod-platform",
      fix: "Name one of coreAccounts: log-archive, audit, shared-services. The IPAM's account administers the organization's addresses, so it is a core account, not a workload's.",
    },
  ]);
});

test("without an account, the IPAM needs a shared-services account to default to", () => {
  const problems = problemsOfEditedExample([
    withIpam(`    pools:\n${POOL}`),
    ["organization.yaml", / {2}sharedServices:\n( {4}.*\n)+/, ""],
  ]);
  expect(problems).toEqual([
    {
      file: "organization.yaml",
      path: ["network", "ipam"],
      message: "names no account, and there is no coreAccounts.sharedServices to hold the IPAM",
      fix: "Set network.ipam.account to one of log-archive, audit, or add a sharedServices core account.",
    },
  ]);
});

test("pools are one per environment and governed region, for environments that exist", () => {
  const problems = problemsOfEditedExample([
    withIpam(
      `    pools:\n${POOL}\n      - { environment: prod, region: us-east-1, cidr: 10.65.0.0/16 }\n      - { environment: prod, region: eu-west-1, cidr: 10.66.0.0/16 }\n      - { environment: prd, region: us-west-2, cidr: 10.67.0.0/16 }`,
    ),
  ]);
  expect(problems).toEqual([
    {
      file: "organization.yaml",
      path: ["network", "ipam", "pools", 1],
      message: "is a second pool for prod in us-east-1",
      received: { environment: "prod", region: "us-east-1", cidr: "10.65.0.0/16" },
      fix: "Keep one pool per environment and region; VPCs there are allocated from it.",
    },
    {
      file: "organization.yaml",
      path: ["network", "ipam", "pools", 2, "region"],
      message: "is not a governed region",
      received: "eu-west-1",
      fix: "Use one of us-east-1, us-west-2.",
    },
    {
      file: "organization.yaml",
      path: ["network", "ipam", "pools", 3, "environment"],
      message: "is not an environment",
      received: "prd",
      fix: 'Did you mean "prod"? Name one of dev, prod, staging.',
    },
  ]);
});
