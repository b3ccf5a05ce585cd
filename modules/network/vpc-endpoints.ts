import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import type { Construct } from "constructs";

interface VpcEndpointsProps {
  readonly region: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly name: string;
  readonly privateRouteTableIds: string[];
  readonly privateSubnetIds: string[];
  /** Service short names (`ssm`, `ecr.api`). */
  readonly interfaceEndpoints: readonly string[];
}

/**
 * S3 and DynamoDB gateway endpoints on the private route tables (free, and they keep that traffic
 * off any internet path), and one interface endpoint per listed service in every private subnet,
 * with private DNS so SDKs reach them under the service's usual name.
 */
export function vpcEndpoints(scope: Construct, props: VpcEndpointsProps): void {
  const { region, vpcId, vpcCidr, name } = props;
  for (const service of ["s3", "dynamodb"]) {
    new VpcEndpoint(scope, `${service}-gateway-endpoint`, {
      region,
      vpcId,
      serviceName: `com.amazonaws.${region}.${service}`,
      vpcEndpointType: "Gateway",
      routeTableIds: props.privateRouteTableIds,
      tags: { Name: `${name}-${service}` },
    });
  }
  if (props.interfaceEndpoints.length > 0) {
    const endpointSecurityGroup = new SecurityGroup(scope, "interface-endpoint-security-group", {
      region,
      vpcId,
      name: `${name}-interface-endpoints`,
      description: "HTTPS from inside the VPC to its interface endpoints",
      ingress: [
        {
          description: "HTTPS from the VPC",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: [vpcCidr],
        },
      ],
      // Endpoints only answer; they never open connections.
      egress: [],
      tags: { Name: `${name}-interface-endpoints` },
    });
    for (const service of props.interfaceEndpoints) {
      new VpcEndpoint(scope, `${service.replace(/\./g, "-")}-interface-endpoint`, {
        region,
        vpcId,
        serviceName: `com.amazonaws.${region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: props.privateSubnetIds,
        securityGroupIds: [endpointSecurityGroup.id],
        tags: { Name: `${name}-${service}` },
      });
    }
  }
}
