import { DefaultNetworkAcl } from "@cdktf/provider-aws/lib/default-network-acl";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import type { ITerraformIterator } from "cdktf";
import type { Construct } from "constructs";

/**
 * What every VPC in an account gets, the workload VPC and an inert default VPC alike: its
 * default security group and default network ACL stripped of every rule, and a flow log of all
 * traffic to the log archive. `forEach` makes each resource one instance per VPC of a list.
 */

interface VpcHygieneProps {
  readonly region: string;
  readonly vpcId: string;
  readonly forEach?: ITerraformIterator;
}

/**
 * Empties the default security group. Anything left using it can then neither send nor receive,
 * so nobody builds on it by accident.
 */
export function stripDefaultSecurityGroup(
  scope: Construct,
  props: VpcHygieneProps & { readonly name?: string },
): void {
  new DefaultSecurityGroup(scope, "default-security-group", {
    forEach: props.forEach,
    region: props.region,
    vpcId: props.vpcId,
    ingress: [],
    egress: [],
    tags: nameTag(props.name),
  });
}

/** Empties the default network ACL, so a subnet left on it is cut off rather than open. */
export function stripDefaultNetworkAcl(
  scope: Construct,
  props: Omit<VpcHygieneProps, "vpcId"> & {
    readonly defaultNetworkAclId: string;
    readonly name?: string;
  },
): void {
  new DefaultNetworkAcl(scope, "default-network-acl", {
    forEach: props.forEach,
    region: props.region,
    defaultNetworkAclId: props.defaultNetworkAclId,
    ingress: [],
    egress: [],
    tags: nameTag(props.name),
    // Subnets without an explicit association fall back to the default ACL, and it can't give
    // them up; without this, every plan would propose removing them.
    lifecycle: { ignoreChanges: ["subnet_ids"] },
  });
}

const nameTag = (name: string | undefined) =>
  name === undefined ? undefined : { Name: `${name}-default` };

/**
 * All traffic, accepted and rejected, into the bucket's AWSLogs/<account>/vpcflowlogs/ (AWS's
 * own prefix), aggregated every minute so an investigation sees connections as they happen.
 */
export function vpcFlowLog(
  scope: Construct,
  id: string,
  props: VpcHygieneProps & { readonly logBucketArn: string; readonly name?: string },
): FlowLog {
  return new FlowLog(scope, id, {
    forEach: props.forEach,
    region: props.region,
    vpcId: props.vpcId,
    trafficType: "ALL",
    logDestinationType: "s3",
    logDestination: props.logBucketArn,
    maxAggregationInterval: 60,
    tags: props.name === undefined ? undefined : { Name: props.name },
  });
}
