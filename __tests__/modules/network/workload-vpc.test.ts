import { TerraformStack, Testing } from "cdktf";
import { findControls } from "../../../compliance/controls/control";
import { PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY } from "../../../contracts/tags";
import { NETWORK_BASELINE_CONTROL, WorkloadVpc } from "../../../modules/network/workload-vpc";
import type { WorkloadVpcProps } from "../../../modules/network/workload-vpc";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const BUCKET = "arn:aws:s3:::nwh-log-archive-network-111122223333";
const JUSTIFICATION = "Internet-facing load balancers for the storefront";
const PROPS: WorkloadVpcProps = {
  region: "us-west-2",
  name: "nwh-prod-platform",
  addressing: { cidr: "10.20.0.0/20" },
  availabilityZones: 3,
  interfaceEndpoints: ["ssm", "ecr.api"],
  logBucketArn: BUCKET,
};

type Json = ReturnType<typeof synthConstruct>;
const synthVpc = (props: Partial<WorkloadVpcProps> = {}) =>
  synthConstruct((scope) => new WorkloadVpc(scope, "network", { ...PROPS, ...props }));
/** The one resource of a type whose construct id is `id` (such as private-subnet-0). */
const named = (json: Json, type: string, id: string) => resourceNamed(json, type, `network_${id}_`);
const vpcRef = (json: Json, attribute: string) =>
  `\${aws_vpc.${Object.keys(resourcesOf(json, "aws_vpc"))[0]}.${attribute}}`;
const zonesRef = (json: Json) =>
  `data.aws_availability_zones.${Object.keys(json.data.aws_availability_zones)[0]}.zone_ids`;
const build = (props: Partial<WorkloadVpcProps>) => () =>
  new WorkloadVpc(new TerraformStack(Testing.app(), "network"), "vpc", { ...PROPS, ...props });

let json: Json;
beforeAll(() => {
  json = synthVpc();
});

test("every resource is placed in the VPC's region", () => {
  for (const [type, resources] of Object.entries(json.resource))
    for (const resource of Object.values(resources as Record<string, Json>))
      expect({ type, region: resource.region }).toEqual({ type, region: "us-west-2" });
  expect(Object.values(json.data.aws_availability_zones)).toEqual([
    expect.objectContaining({
      region: "us-west-2",
      state: "available",
      filter: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
    }),
  ]);
});

test("the VPC resolves DNS names and is named", () => {
  expect(named(json, "aws_vpc", "vpc")).toEqual(
    expect.objectContaining({
      cidr_block: "10.20.0.0/20",
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Name: "nwh-prod-platform" },
    }),
  );
});

test("an IPAM-addressed VPC asks its pool for a netmask instead of naming a CIDR", () => {
  const ipam = synthVpc({ addressing: { ipamPoolId: "ipam-pool-0abc", netmaskLength: 20 } });
  const vpc = named(ipam, "aws_vpc", "vpc");
  expect(vpc.ipv4_ipam_pool_id).toBe("ipam-pool-0abc");
  expect(vpc.ipv4_netmask_length).toBe(20);
  expect(vpc.cidr_block).toBeUndefined();
  // Subnets are carved from whatever the pool allocated.
  expect(named(ipam, "aws_subnet", "private-subnet-1").cidr_block).toBe(
    `\${cidrsubnet(${vpcRef(ipam, "cidr_block").slice(2, -1)}, 2, 1)}`,
  );
});

test("one private subnet per zone, in the same physical zone in every account", () => {
  const subnets = resourcesOf(json, "aws_subnet");
  expect(Object.keys(subnets)).toHaveLength(3);
  const cidr = vpcRef(json, "cidr_block").slice(2, -1);
  for (const index of [0, 1, 2]) {
    const subnet = named(json, "aws_subnet", `private-subnet-${index}`);
    const zone = `element(sort(${zonesRef(json)}), ${index})`;
    expect(subnet).toEqual(
      expect.objectContaining({
        vpc_id: vpcRef(json, "id"),
        availability_zone_id: `\${${zone}}`,
        cidr_block: `\${cidrsubnet(${cidr}, 2, ${index})}`,
        map_public_ip_on_launch: false,
        tags: { Name: `nwh-prod-platform-private-\${${zone}}` },
      }),
    );
    const association = named(
      json,
      "aws_route_table_association",
      `private-route-table-association-${index}`,
    );
    expect(association.subnet_id).toContain(`private-subnet-${index}_`);
    expect(association.route_table_id).toContain(`private-route-table-${index}_`);
    expect(named(json, "aws_route_table", `private-route-table-${index}`).tags).toEqual({
      Name: `nwh-prod-platform-private-\${${zone}}`,
    });
  }
});

test("a region with too few zones fails the plan instead of doubling up subnets", () => {
  const zones = Object.values(json.data.aws_availability_zones as Record<string, Json>)[0];
  expect(zones.lifecycle.postcondition).toEqual([
    {
      condition: "${length(self.zone_ids) >= 3}",
      error_message:
        "nwh-prod-platform needs 3 availability zones in us-west-2; lower availabilityZones for this environment",
    },
  ]);
});

test("private subnets share a NACL that refuses SSH and RDP first and lets return traffic in", () => {
  const acl = named(json, "aws_network_acl", "private-network-acl");
  const cidr = vpcRef(json, "cidr_block");
  expect(acl.subnet_ids).toHaveLength(3);
  expect(
    acl.ingress.map((rule: Json) => [
      rule.rule_no,
      rule.action,
      rule.protocol,
      rule.cidr_block,
      rule.from_port,
      rule.to_port,
    ]),
  ).toEqual([
    [100, "deny", "tcp", "0.0.0.0/0", 22, 22],
    [110, "deny", "tcp", "0.0.0.0/0", 3389, 3389],
    [200, "allow", "-1", cidr, 0, 0],
    [300, "allow", "tcp", "0.0.0.0/0", 1024, 65535],
  ]);
  expect(
    acl.egress.map((rule: Json) => [
      rule.rule_no,
      rule.action,
      rule.protocol,
      rule.cidr_block,
      rule.from_port,
      rule.to_port,
    ]),
  ).toEqual([
    [100, "allow", "-1", cidr, 0, 0],
    [200, "allow", "tcp", "0.0.0.0/0", 443, 443],
  ]);
});

test("the default security group and network ACL are stripped of every rule", () => {
  expect(named(json, "aws_default_security_group", "default-security-group")).toEqual(
    expect.objectContaining({ vpc_id: vpcRef(json, "id"), ingress: [], egress: [] }),
  );
  expect(named(json, "aws_default_network_acl", "default-network-acl")).toEqual(
    expect.objectContaining({
      default_network_acl_id: vpcRef(json, "default_network_acl_id"),
      ingress: [],
      egress: [],
      lifecycle: { ignore_changes: ["subnet_ids"] },
    }),
  );
});

test("S3 and DynamoDB are reached through gateway endpoints on every private route table", () => {
  for (const service of ["s3", "dynamodb"]) {
    const endpoint = named(json, "aws_vpc_endpoint", `${service}-gateway-endpoint`);
    expect(endpoint.service_name).toBe(`com.amazonaws.us-west-2.${service}`);
    expect(endpoint.vpc_endpoint_type).toBe("Gateway");
    expect(endpoint.route_table_ids).toEqual(
      [0, 1, 2].map((index) => expect.stringContaining(`private-route-table-${index}_`)),
    );
  }
});

test("interface endpoints use private DNS in every private subnet, behind HTTPS from the VPC only", () => {
  const group = named(json, "aws_security_group", "interface-endpoint-security-group");
  expect(group.ingress).toEqual([
    expect.objectContaining({
      protocol: "tcp",
      from_port: 443,
      to_port: 443,
      cidr_blocks: [vpcRef(json, "cidr_block")],
    }),
  ]);
  expect(group.egress).toEqual([]);
  for (const [service, id] of [
    ["ssm", "ssm"],
    ["ecr.api", "ecr-api"],
  ]) {
    const endpoint = named(json, "aws_vpc_endpoint", `${id}-interface-endpoint`);
    expect(endpoint).toEqual(
      expect.objectContaining({
        service_name: `com.amazonaws.us-west-2.${service}`,
        vpc_endpoint_type: "Interface",
        private_dns_enabled: true,
        security_group_ids: [expect.stringContaining("interface-endpoint-security-group_")],
      }),
    );
    expect(endpoint.subnet_ids).toHaveLength(3);
  }
});

test("no interface endpoints means no endpoint security group either", () => {
  const bare = synthVpc({ interfaceEndpoints: [] });
  expect(resourcesOf(bare, "aws_security_group")).toEqual({});
  expect(Object.keys(resourcesOf(bare, "aws_vpc_endpoint"))).toHaveLength(2);
});

test("all traffic is logged every minute to the log archive bucket, and DNS queries too", () => {
  expect(named(json, "aws_flow_log", "flow-log")).toEqual(
    expect.objectContaining({
      vpc_id: vpcRef(json, "id"),
      traffic_type: "ALL",
      log_destination_type: "s3",
      log_destination: BUCKET,
      max_aggregation_interval: 60,
    }),
  );
  expect(named(json, "aws_route53_resolver_query_log_config", "query-log-config")).toEqual(
    expect.objectContaining({ name: "nwh-prod-platform-dns-queries", destination_arn: BUCKET }),
  );
  const association = named(
    json,
    "aws_route53_resolver_query_log_config_association",
    "query-log-association",
  );
  expect(association.resource_id).toBe(vpcRef(json, "id"));
  expect(association.resolver_query_log_config_id).toContain("query-log-config_");
});

test("without publicSubnets nothing reaches the internet", () => {
  for (const type of ["aws_internet_gateway", "aws_route"])
    expect(resourcesOf(json, type)).toEqual({});
  for (const subnet of Object.values(resourcesOf(json, "aws_subnet")))
    expect(subnet.map_public_ip_on_launch).toBe(false);
});

describe("with public subnets", () => {
  let withPublic: Json;
  beforeAll(() => {
    withPublic = synthVpc({ publicSubnets: { justification: JUSTIFICATION } });
  });

  test("each zone gets a public subnet in the fourth quarter, tagged with the justification", () => {
    const cidr = vpcRef(withPublic, "cidr_block").slice(2, -1);
    for (const index of [0, 1, 2]) {
      const subnet = named(withPublic, "aws_subnet", `public-subnet-${index}`);
      expect(subnet.map_public_ip_on_launch).toBe(true);
      expect(subnet.cidr_block).toBe(`\${cidrsubnet(${cidr}, 4, ${12 + index})}`);
      expect(subnet.tags[PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY]).toBe(JUSTIFICATION);
      expect(subnet.availability_zone_id).toBe(
        named(withPublic, "aws_subnet", `private-subnet-${index}`).availability_zone_id,
      );
      expect(
        named(withPublic, "aws_route_table_association", `public-route-table-association-${index}`)
          .route_table_id,
      ).toContain("public-route-table_");
    }
    // The private subnets stay where they were.
    expect(named(withPublic, "aws_subnet", "private-subnet-2").cidr_block).toBe(
      named(json, "aws_subnet", "private-subnet-2").cidr_block.replace(
        vpcRef(json, "cidr_block").slice(2, -1),
        cidr,
      ),
    );
  });

  test("the public route table sends 0.0.0.0/0 to the internet gateway, the private ones don't", () => {
    const route = named(withPublic, "aws_route", "public-internet-route");
    expect(route.destination_cidr_block).toBe("0.0.0.0/0");
    expect(route.gateway_id).toContain("internet-gateway_");
    expect(route.route_table_id).toContain("public-route-table_");
    expect(Object.keys(resourcesOf(withPublic, "aws_route"))).toHaveLength(1);
  });

  test("public subnets have their own NACL: web traffic in, SSH and RDP refused first", () => {
    const acl = named(withPublic, "aws_network_acl", "public-network-acl");
    expect(acl.subnet_ids).toEqual(
      [0, 1, 2].map((index) => expect.stringContaining(`public-subnet-${index}_`)),
    );
    expect(
      acl.ingress.slice(0, 4).map((rule: Json) => [rule.rule_no, rule.action, rule.from_port]),
    ).toEqual([
      [100, "deny", 22],
      [110, "deny", 3389],
      [200, "allow", 443],
      [210, "allow", 80],
    ]);
  });
});

test("declares the network baseline control (CC6.1, CC6.6, CC7.2)", () => {
  const stack = new TerraformStack(Testing.app(), "network");
  new WorkloadVpc(stack, "vpc", PROPS);
  expect(findControls(stack).map((placement) => placement.control)).toEqual([
    NETWORK_BASELINE_CONTROL,
  ]);
  expect(NETWORK_BASELINE_CONTROL.criteria).toEqual(["CC6.1", "CC6.6", "CC7.2"]);
});

describe("refuses props it can't build safely", () => {
  test.each<[string, Partial<WorkloadVpcProps>, string]>([
    ["no zones", { availabilityZones: 0 }, "availabilityZones must be from 2 to 4, got 0"],
    ["one zone", { availabilityZones: 1 }, "availabilityZones must be from 2 to 4, got 1"],
    ["five zones", { availabilityZones: 5 }, "availabilityZones must be from 2 to 4, got 5"],
    [
      "four zones with public subnets",
      { availabilityZones: 4, publicSubnets: { justification: JUSTIFICATION } },
      "availabilityZones must be from 2 to 3 with public subnets (they take the fourth quarter of the VPC), got 4",
    ],
    [
      "a malformed CIDR",
      { addressing: { cidr: "10.20.0.0" } },
      'cidr must be an IPv4 CIDR such as 10.20.0.0/20, got "10.20.0.0"',
    ],
    [
      "host bits set",
      { addressing: { cidr: "10.20.1.0/20" } },
      'cidr must be a network address, got "10.20.1.0/20"; use "10.20.0.0/20"',
    ],
    [
      "a CIDR too small for /28 subnets",
      { addressing: { cidr: "10.20.0.0/27" } },
      "cidr needs a VPC netmask from /16 to /26",
    ],
    [
      "an IPAM netmask too small for public subnets",
      {
        addressing: { ipamPoolId: "ipam-pool-0abc", netmaskLength: 26 },
        publicSubnets: { justification: JUSTIFICATION },
      },
      "netmaskLength needs a VPC netmask from /16 to /24",
    ],
    [
      "a short justification",
      { publicSubnets: { justification: "needed" } },
      'publicSubnets.justification must be 20 to 256 characters (it becomes a tag value), got 6: "needed"',
    ],
    [
      "a justification too long for a tag",
      { publicSubnets: { justification: "x".repeat(257) } },
      "got 257",
    ],
    [
      "a full service name",
      { interfaceEndpoints: ["com.amazonaws.us-west-2.ssm"] },
      'interfaceEndpoints takes service short names such as "ssm" or "ecr.api", got "com.amazonaws.us-west-2.ssm"'.replace(
        "com.amazonaws.us-west-2.ssm",
        "com.amazonaws.us-west-2.ssm",
      ),
    ],
    [
      "s3 as an interface endpoint",
      { interfaceEndpoints: ["s3"] },
      'interfaceEndpoints must not list "s3": every VPC already has its gateway endpoint',
    ],
    [
      "a duplicate endpoint",
      { interfaceEndpoints: ["ssm", "ssm"] },
      'interfaceEndpoints lists "ssm" twice',
    ],
  ])("%s", (_, props, message) => {
    expect(build(props)).toThrow(message);
  });

  test("every problem at once, naming the VPC and region", () => {
    expect(build({ availabilityZones: 0, addressing: { cidr: "10.20.0.0/27" } })).toThrow(
      "WorkloadVpc nwh-prod-platform in us-west-2: availabilityZones must be from 2 to 4, got 0; cidr needs a VPC netmask from /16 to /26",
    );
  });
});
