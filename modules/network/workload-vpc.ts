import { DataAwsAvailabilityZones } from "@cdktf/provider-aws/lib/data-aws-availability-zones";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Route53ResolverQueryLogConfig } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config";
import { Route53ResolverQueryLogConfigAssociation } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config-association";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY } from "../../contracts/tags";
import { privateNetworkAclRules, publicNetworkAclRules } from "./network-acl-rules";
import type { SubnetSlot } from "./subnet-layout";
import { privateSubnetSlot, publicSubnetSlot } from "./subnet-layout";
import { vpcEndpoints } from "./vpc-endpoints";
import { workloadVpcProblems } from "./workload-vpc-problems";
import { stripDefaultNetworkAcl, stripDefaultSecurityGroup, vpcFlowLog } from "./vpc-hygiene";

export const NETWORK_BASELINE_CONTROL = defineControl({
  id: "network-baseline",
  description:
    "Workload VPCs keep workloads in private subnets behind NACLs that refuse SSH and RDP from anywhere, strip the default security group and network ACL of every rule, reach S3 and DynamoDB through gateway endpoints, and log all traffic (flow logs) and DNS queries to the log archive; a public subnet exists only with a written justification",
  criteria: ["CC6.1", "CC6.6", "CC7.2"],
});

/** The VPC's address range: a literal CIDR, or an allocation from an IPAM pool. */
export type WorkloadVpcAddressing =
  { readonly cidr: string } | { readonly ipamPoolId: string; readonly netmaskLength: number };

export interface WorkloadVpcProps {
  readonly region: string;
  /** Prefix of every resource's Name tag, such as `nwh-prod-platform`. */
  readonly name: string;
  readonly addressing: WorkloadVpcAddressing;
  /** Private subnets, one per zone: 2 to 4 (at most 3 with public subnets). */
  readonly availabilityZones: number;
  /**
   * Public subnets (with an internet gateway), one per zone, tagged with the justification.
   * @default none: the VPC has no route to or from the internet
   */
  readonly publicSubnets?: { readonly justification: string };
  /** Interface endpoints by service short name (`ssm`, `kms`, `ecr.api`), in the private subnets. */
  readonly interfaceEndpoints: readonly string[];
  /** The log archive bucket that receives flow logs and DNS query logs. */
  readonly logBucketArn: string;
}

/**
 * Zones left out before subnets are placed: EKS refuses use1-az3 (capacity-constrained, few
 * current instance types). Changing this list shifts zones, so it replaces subnets.
 */
const EXCLUDED_ZONE_IDS = ["use1-az3"];

/**
 * A workload account's VPC in one region: private subnets in each zone, optionally public ones,
 * NACLs, gateway and interface endpoints, flow logs and DNS query logs to the log archive.
 * Zones are chosen by zone id in sorted order, so subnet i lies in the same physical zone in
 * every account (zone names such as us-east-1a are shuffled per account).
 */
export class WorkloadVpc extends Construct {
  readonly vpc: Vpc;
  readonly privateSubnets: Subnet[] = [];
  readonly privateRouteTables: RouteTable[] = [];
  readonly publicSubnets: Subnet[] = [];

  constructor(scope: Construct, id: string, props: WorkloadVpcProps) {
    super(scope, id);
    implementsControl(this, NETWORK_BASELINE_CONTROL);
    const problems = workloadVpcProblems(props);
    if (problems.length > 0)
      throw new Error(`WorkloadVpc ${props.name} in ${props.region}: ${problems.join("; ")}`);
    const { region, name } = props;
    const zoneCount = props.availabilityZones;

    const zones = new DataAwsAvailabilityZones(this, "availability-zones", {
      region,
      state: "available",
      filter: [{ name: "opt-in-status", values: ["opt-in-not-required"] }],
      excludeZoneIds: EXCLUDED_ZONE_IDS,
      lifecycle: {
        // Fn.element wraps around: without this check, too few zones would silently put two
        // subnets in the same zone.
        postcondition: [
          {
            condition: `\${length(self.zone_ids) >= ${zoneCount}}`,
            errorMessage: `${name} needs ${zoneCount} availability zones in ${region}; lower availabilityZones for this environment`,
          },
        ],
      },
    });
    const sortedZoneIds = Fn.sort(zones.zoneIds);
    const zoneIdAt = (index: number) => Token.asString(Fn.element(sortedZoneIds, index));

    this.vpc = new Vpc(this, "vpc", {
      region,
      ...("cidr" in props.addressing
        ? { cidrBlock: props.addressing.cidr }
        : {
            ipv4IpamPoolId: props.addressing.ipamPoolId,
            ipv4NetmaskLength: props.addressing.netmaskLength,
          }),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: name },
    });
    const vpcId = this.vpc.id;
    const vpcCidr = this.vpc.cidrBlock;
    const cidrOf = (slot: SubnetSlot) => Fn.cidrsubnet(vpcCidr, slot.newbits, slot.netnum);

    for (let index = 0; index < zoneCount; index++) {
      const zoneName = `${name}-private-${zoneIdAt(index)}`;
      const subnet = new Subnet(this, `private-subnet-${index}`, {
        region,
        vpcId,
        availabilityZoneId: zoneIdAt(index),
        cidrBlock: cidrOf(privateSubnetSlot(index)),
        mapPublicIpOnLaunch: false,
        tags: { Name: zoneName },
      });
      // One table per zone, so a per-zone NAT gateway or firewall can be added without moving subnets.
      const table = new RouteTable(this, `private-route-table-${index}`, {
        region,
        vpcId,
        tags: { Name: zoneName },
      });
      new RouteTableAssociation(this, `private-route-table-association-${index}`, {
        region,
        subnetId: subnet.id,
        routeTableId: table.id,
      });
      this.privateSubnets.push(subnet);
      this.privateRouteTables.push(table);
    }
    new NetworkAcl(this, "private-network-acl", {
      region,
      vpcId,
      subnetIds: this.privateSubnets.map((subnet) => subnet.id),
      // Inline rules are authoritative: a rule added by hand shows up as drift and is removed.
      ...privateNetworkAclRules(vpcCidr),
      tags: { Name: `${name}-private` },
    });

    if (props.publicSubnets)
      this.addPublicSubnets(props, props.publicSubnets.justification, zoneIdAt, cidrOf);

    stripDefaultSecurityGroup(this, { region, vpcId, name });
    stripDefaultNetworkAcl(this, {
      region,
      defaultNetworkAclId: this.vpc.defaultNetworkAclId,
      name,
    });

    vpcEndpoints(this, {
      region,
      vpcId,
      vpcCidr,
      name,
      privateRouteTableIds: this.privateRouteTables.map((table) => table.id),
      privateSubnetIds: this.privateSubnets.map((subnet) => subnet.id),
      interfaceEndpoints: props.interfaceEndpoints,
    });

    vpcFlowLog(this, "flow-log", { region, vpcId, logBucketArn: props.logBucketArn, name });
    const queryLogs = new Route53ResolverQueryLogConfig(this, "query-log-config", {
      region,
      name: `${name}-dns-queries`,
      destinationArn: props.logBucketArn,
      tags: { Name: `${name}-dns-queries` },
    });
    new Route53ResolverQueryLogConfigAssociation(this, "query-log-association", {
      region,
      resolverQueryLogConfigId: queryLogs.id,
      resourceId: vpcId,
    });
  }

  private addPublicSubnets(
    props: WorkloadVpcProps,
    justification: string,
    zoneIdAt: (index: number) => string,
    cidrOf: (slot: SubnetSlot) => string,
  ): void {
    const { region, name } = props;
    const vpcId = this.vpc.id;
    const gateway = new InternetGateway(this, "internet-gateway", {
      region,
      vpcId,
      tags: { Name: name },
    });
    const table = new RouteTable(this, "public-route-table", {
      region,
      vpcId,
      tags: { Name: `${name}-public` },
    });
    new Route(this, "public-internet-route", {
      region,
      routeTableId: table.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: gateway.id,
    });
    for (let index = 0; index < props.availabilityZones; index++) {
      const subnet = new Subnet(this, `public-subnet-${index}`, {
        region,
        vpcId,
        availabilityZoneId: zoneIdAt(index),
        cidrBlock: cidrOf(publicSubnetSlot(index)),
        mapPublicIpOnLaunch: true,
        tags: {
          Name: `${name}-public-${zoneIdAt(index)}`,
          [PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY]: justification,
        },
      });
      new RouteTableAssociation(this, `public-route-table-association-${index}`, {
        region,
        subnetId: subnet.id,
        routeTableId: table.id,
      });
      this.publicSubnets.push(subnet);
    }
    new NetworkAcl(this, "public-network-acl", {
      region,
      vpcId,
      subnetIds: this.publicSubnets.map((subnet) => subnet.id),
      ...publicNetworkAclRules(this.vpc.cidrBlock),
      tags: { Name: `${name}-public` },
    });
  }
}
