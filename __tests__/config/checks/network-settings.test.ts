import { problemsOfEditedExample } from "../config-problems";

const GOVERN_US_WEST_1 = [
  "organization.yaml",
  "  - us-west-2\n",
  "  - us-west-2\n  - us-west-1\n",
] as const;

test("the example organization's networks pass", () => {
  expect(problemsOfEditedExample([])).toEqual([]);
});

test("a network region that isn't governed is refused", () => {
  const problems = problemsOfEditedExample([
    ["staging.yaml", "regions: [us-east-1]", "regions: [us-east-1, eu-west-1]"],
  ]);
  expect(problems).toContainEqual({
    file: "staging.yaml",
    path: ["network", "regions", 1],
    message: "is not a governed region",
    received: "eu-west-1",
    fix: "Use governed regions only (us-east-1, us-west-2), or add eu-west-1 to governedRegions in organization.yaml.",
  });
});

test("a region listed twice is refused", () => {
  const problems = problemsOfEditedExample([
    ["prod.yaml", "regions: [us-east-1, us-west-2]", "regions: [us-east-1, us-west-2, us-east-1]"],
  ]);
  expect(problems).toEqual([
    {
      file: "prod.yaml",
      path: ["network", "regions", 2],
      message: "is listed twice",
      received: "us-east-1",
      fix: "Remove the duplicate.",
    },
  ]);
});

test("more Availability Zones than a new account can use in a region are refused", () => {
  const problems = problemsOfEditedExample([
    GOVERN_US_WEST_1,
    ["staging.yaml", "regions: [us-east-1]", "regions: [us-west-1]"],
    ["staging.yaml", "availabilityZones: 2", "availabilityZones: 3"],
    ["staging.yaml", "{ us-east-1: 10.30.0.0/20 }", "{ us-west-1: 10.30.0.0/20 }"],
    ["staging.yaml", "{ us-east-1: 10.30.16.0/20 }", "{ us-west-1: 10.30.16.0/20 }"],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "availabilityZones"],
      message: "is more than the 2 Availability Zones a new account can use in us-west-1",
      received: 3,
      fix: "Lower availabilityZones to 2, or leave us-west-1 out of network.regions.",
    },
  ]);
});

test("a network region missing from the table of Availability Zones is refused, not guessed", () => {
  const problems = problemsOfEditedExample([
    ["organization.yaml", "  - us-west-2\n", "  - us-west-2\n  - me-west-1\n"],
    ["staging.yaml", "regions: [us-east-1]", "regions: [me-west-1]"],
  ]);
  expect(problems).toContainEqual({
    file: "staging.yaml",
    path: ["network", "availabilityZones"],
    message:
      "can't be checked in me-west-1, a region missing from the landing zone's table of Availability Zones",
    received: 2,
    fix: "Add me-west-1 with the number of zones a new account can use to config/model/availability-zones.ts, or leave it out of network.regions.",
  });
});

test("public subnets span at most 3 zones", () => {
  const problems = problemsOfEditedExample([
    ["prod.yaml", "availabilityZones: 3", "availabilityZones: 4"],
    [
      "prod.yaml",
      "  interfaceEndpoints:",
      "  publicSubnets:\n    justification: Load balancers of the patient portal behind AWS WAF\n  interfaceEndpoints:",
    ],
  ]);
  expect(problems).toEqual([
    {
      file: "prod.yaml",
      path: ["network", "availabilityZones"],
      message: "is more than 3, the most Availability Zones a VPC with public subnets spans",
      received: 4,
      fix: "Lower availabilityZones to 3, or drop publicSubnets.",
    },
  ]);
});

test("an interface endpoint listed twice is refused", () => {
  const problems = problemsOfEditedExample([
    [
      "staging.yaml",
      "interfaceEndpoints: [ssm, ssmmessages, ec2messages]",
      "interfaceEndpoints: [ssm, ssmmessages, ec2messages, ssm]",
    ],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "interfaceEndpoints", 3],
      message: "is listed twice",
      received: "ssm",
      fix: "Remove the duplicate.",
    },
  ]);
});

test("without network.regions, a network spans every governed region", () => {
  const problems = problemsOfEditedExample([["staging.yaml", "  regions: [us-east-1]\n", ""]]);
  // Both accounts now need a block in us-west-2 too.
  expect(problems).toEqual([
    expect.objectContaining({
      file: "staging.yaml",
      path: ["network", "addressing", "cidrs", "staging-platform"],
      message: "has no block for us-west-2, one of the environment's network regions",
    }),
    expect.objectContaining({
      path: ["network", "addressing", "cidrs", "staging-data"],
      message: "has no block for us-west-2, one of the environment's network regions",
    }),
  ]);
});

test("public subnets need VPC blocks of /24 or larger: each is a sixteenth of the VPC", () => {
  const problems = problemsOfEditedExample([
    [
      "staging.yaml",
      "  interfaceEndpoints:",
      '  publicSubnets: { justification: "Public load balancers for the staging web tier." }\n  interfaceEndpoints:',
    ],
    [
      "staging.yaml",
      "staging-data: { us-east-1: 10.30.16.0/20 }",
      "staging-data: { us-east-1: 10.30.16.0/25 }",
    ],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["network", "addressing", "cidrs", "staging-data", "us-east-1"],
      message: "is too small for public subnets, which need a VPC of /24 or larger",
      received: "10.30.16.0/25",
      fix: "Use VPC blocks of /24 or larger, or drop publicSubnets.",
    },
  ]);
});
