import { exampleSynth } from "../helpers/example-synth";
import { PROD_FROM_IPAM, STAGING_DATA_CLOSING } from "../helpers/example-edits";
import { editedExample } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
/** The example with prod's VPCs allocated from an organization IPAM, and staging-data closing. */
let ipam: SynthOutput;
let networkLogsBucketArn: string;

beforeAll(() => {
  out = exampleSynth();
  ipam = synthLandingZone(editedExample([...PROD_FROM_IPAM, STAGING_DATA_CLOSING]));
  const [bucket] = Object.values(out.resources("logging", "aws_s3_bucket")).filter((candidate) =>
    /network/.test(candidate.bucket),
  );
  networkLogsBucketArn = `arn:aws:s3:::${bucket.bucket}`;
});

const accountStacks = (synth: SynthOutput) =>
  Object.keys(synth.manifest.stacks).filter(
    (name) => name.startsWith("account-") || name === "management",
  );
const values = (synth: SynthOutput, stack: string, type: string): StackJson[] =>
  Object.values(synth.resources(stack, type));
const vpcsOf = (synth: SynthOutput, stack: string) =>
  values(synth, stack, "aws_vpc")
    .map((vpc) => [vpc.region, vpc.cidr_block])
    .sort();

test("the network-logs bucket lives in the log archive (the logging stack)", () => {
  expect(networkLogsBucketArn).toMatch(/^arn:aws:s3:::nwh-[\w-]*network[\w-]*$/);
});

test("each workload account gets a VPC in each of its environment's network regions, with the config's block", () => {
  expect(vpcsOf(out, "account-prod-platform")).toEqual([
    ["us-east-1", "10.20.0.0/20"],
    ["us-west-2", "10.21.0.0/20"],
  ]);
  expect(vpcsOf(out, "account-prod-data")).toEqual([
    ["us-east-1", "10.20.16.0/20"],
    ["us-west-2", "10.21.16.0/20"],
  ]);
  expect(vpcsOf(out, "account-prod-analytics")).toEqual([
    ["us-east-1", "10.20.32.0/20"],
    ["us-west-2", "10.21.32.0/20"],
  ]);
  expect(vpcsOf(out, "account-staging-platform")).toEqual([["us-east-1", "10.30.0.0/20"]]);
  expect(vpcsOf(out, "account-staging-data")).toEqual([["us-east-1", "10.30.16.0/20"]]);
  for (const vpc of values(out, "account-prod-data", "aws_vpc"))
    expect(vpc).toMatchObject({
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Name: "nwh-prod-data" },
    });
});

test("dev, core accounts and the management account get no workload VPC", () => {
  for (const stack of [
    "account-dev-platform",
    "account-dev-data",
    "account-audit",
    "account-log-archive",
    "account-shared-services",
    "management",
  ])
    expect(vpcsOf(out, stack)).toEqual([]);
});

test("subnets are private, one per configured zone, and nothing routes to the internet", () => {
  const privateSubnets = (stack: string, region: string) =>
    values(out, stack, "aws_subnet").filter((subnet) => subnet.region === region);
  expect(privateSubnets("account-prod-data", "us-east-1")).toHaveLength(3);
  expect(privateSubnets("account-prod-data", "us-west-2")).toHaveLength(3);
  expect(privateSubnets("account-staging-data", "us-east-1")).toHaveLength(2);
  for (const stack of accountStacks(out)) {
    for (const subnet of values(out, stack, "aws_subnet"))
      expect(subnet.map_public_ip_on_launch).toBe(false);
    expect(values(out, stack, "aws_internet_gateway")).toEqual([]);
  }
});

test("every workload VPC logs all traffic and its DNS queries to the log archive's network bucket", () => {
  for (const stack of ["account-prod-data", "account-staging-platform"]) {
    const vpcs = Object.keys(out.resources(stack, "aws_vpc"));
    const workloadFlowLogs = values(out, stack, "aws_flow_log").filter(
      (flowLog) => flowLog.for_each === undefined,
    );
    expect(workloadFlowLogs).toHaveLength(vpcs.length);
    for (const flowLog of workloadFlowLogs) {
      expect(flowLog).toMatchObject({
        traffic_type: "ALL",
        log_destination_type: "s3",
        log_destination: networkLogsBucketArn,
      });
      expect(vpcs.map((vpc) => `\${aws_vpc.${vpc}.id}`)).toContain(flowLog.vpc_id);
    }
    const queryLogs = values(out, stack, "aws_route53_resolver_query_log_config");
    expect(queryLogs).toHaveLength(vpcs.length);
    for (const config of queryLogs) expect(config.destination_arn).toBe(networkLogsBucketArn);
  }
});

test("every account, management and core included, makes the default VPC of each governed region inert", () => {
  const stacks = accountStacks(out);
  expect(stacks).toEqual(
    expect.arrayContaining(["management", "account-audit", "account-dev-data"]),
  );
  for (const stack of stacks) {
    const lookups = Object.values<StackJson>(out.stack(stack).data.aws_vpcs ?? {});
    expect(lookups.map((lookup) => lookup.region).sort()).toEqual(["us-east-1", "us-west-2"]);
    for (const lookup of lookups)
      expect(lookup.filter).toEqual([{ name: "is-default", values: ["true"] }]);
    // One instance per default VPC found, so an account without one gets nothing created.
    const inertFlowLogs = values(out, stack, "aws_flow_log").filter((flowLog) => flowLog.for_each);
    expect(inertFlowLogs.map((flowLog) => flowLog.region).sort()).toEqual([
      "us-east-1",
      "us-west-2",
    ]);
    for (const flowLog of inertFlowLogs)
      expect(flowLog).toMatchObject({
        traffic_type: "ALL",
        log_destination: networkLogsBucketArn,
        for_each: expect.stringMatching(/^\$\{toset\(data\.aws_vpcs\.[\w-]+\.ids\)\}$/),
      });
    const strippedGroups = values(out, stack, "aws_default_security_group").filter(
      (group) => group.for_each,
    );
    expect(strippedGroups).toHaveLength(2);
    for (const group of strippedGroups) expect(group).toMatchObject({ ingress: [], egress: [] });
    expect(
      values(out, stack, "aws_default_network_acl").filter((acl) => acl.for_each),
    ).toHaveLength(2);
  }
});

test("a VPC allocated from IPAM reads its pool id from the network stack's state and deploys after it", () => {
  for (const account of ["prod-platform", "prod-data", "prod-analytics"]) {
    const stack = `account-${account}`;
    expect(ipam.manifest.stacks[stack].dependencies).toContain("network");
    expect(
      ipam.stack(stack).data.terraform_remote_state["remote-state-network"].config,
    ).toMatchObject({
      key: "landing-zone/network.tfstate",
      bucket: "nwh-terraform-state-111122223333",
    });
    const vpcs = values(ipam, stack, "aws_vpc");
    expect(vpcs.map((vpc) => vpc.region).sort()).toEqual(["us-east-1", "us-west-2"]);
    for (const vpc of vpcs) {
      expect(vpc.cidr_block).toBeUndefined();
      expect(vpc).toMatchObject({
        ipv4_netmask_length: 20,
        ipv4_ipam_pool_id: `\${data.terraform_remote_state.remote-state-network.outputs.ipam-pool-prod-${vpc.region}}`,
      });
    }
  }
  expect(Object.keys(ipam.stack("network").output).sort()).toEqual([
    "ipam-pool-prod-us-east-1",
    "ipam-pool-prod-us-west-2",
  ]);
  // Staging keeps its explicit blocks and reads nothing from the network stack.
  expect(vpcsOf(ipam, "account-staging-platform")).toEqual([["us-east-1", "10.30.0.0/20"]]);
  expect(ipam.manifest.stacks["account-staging-platform"].dependencies).not.toContain("network");
});

test("a closing account gets no baseline, hence no VPC", () => {
  expect(ipam.manifest.stacks["account-staging-data"]).toBeUndefined();
  const everyCidr = accountStacks(ipam).flatMap((stack) =>
    values(ipam, stack, "aws_vpc").map((vpc) => vpc.cidr_block),
  );
  expect(everyCidr).not.toContain("10.30.16.0/20");
});
