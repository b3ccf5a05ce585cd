import { DataAwsNetworkAcls } from "@cdktf/provider-aws/lib/data-aws-network-acls";
import { DataAwsVpcs } from "@cdktf/provider-aws/lib/data-aws-vpcs";
import { Fn, TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { stripDefaultNetworkAcl, stripDefaultSecurityGroup, vpcFlowLog } from "./vpc-hygiene";

export const DEFAULT_VPCS_INERT_CONTROL = defineControl({
  id: "default-vpcs-inert",
  description:
    "Default VPCs are kept but made inert, never deleted nor created: their default security group and network ACL have no rules, so nothing in them can send or receive, and a flow log records any attempt. Deleting them would need a destroy-only API call outside Terraform, and the provider's aws_default_vpc would re-create a default VPC in accounts that had already deleted it",
  criteria: ["CC6.6", "CC7.2"],
});

export interface InertDefaultVpcProps {
  readonly region: string;
  /** The log archive bucket that receives the default VPC's flow logs. */
  readonly logBucketArn: string;
}

/**
 * Makes the default VPC of one region inert, if the account has one. Everything hangs off a
 * lookup with for_each over its result (zero or one VPC), so an account without a default VPC
 * gets nothing, and one is never created.
 */
export class InertDefaultVpc extends Construct {
  constructor(scope: Construct, id: string, props: InertDefaultVpcProps) {
    super(scope, id);
    implementsControl(this, DEFAULT_VPCS_INERT_CONTROL);
    const { region } = props;
    const defaultVpcs = new DataAwsVpcs(this, "default-vpcs", {
      region,
      filter: [{ name: "is-default", values: ["true"] }],
    });
    const eachVpc = TerraformIterator.fromList(defaultVpcs.ids);
    const vpcId = Token.asString(eachVpc.value);

    stripDefaultSecurityGroup(this, { region, vpcId, forEach: eachVpc });
    vpcFlowLog(this, "flow-log", {
      region,
      vpcId,
      forEach: eachVpc,
      logBucketArn: props.logBucketArn,
    });

    const defaultAcls = new DataAwsNetworkAcls(this, "default-network-acls", {
      forEach: eachVpc,
      region,
      vpcId,
      filter: [{ name: "default", values: ["true"] }],
    });
    // One instance per default VPC, keyed by its id like the lookup above; a VPC has exactly one
    // default network ACL.
    const eachAcl = TerraformIterator.fromDataSources(defaultAcls);
    stripDefaultNetworkAcl(this, {
      region,
      forEach: eachAcl,
      defaultNetworkAclId: Token.asString(Fn.element(eachAcl.getList("ids"), 0)),
    });
  }
}
