import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { partitionOf } from "../config/schema/primitives";
import { PipelineIdentity } from "../modules/pipeline/pipeline-identity";
import { managementAccountProvider } from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import { STATE_KEY_ALIAS_SUFFIX } from "./bootstrap-stack";

/** The CI pipeline's identity in the management account: GitHub OIDC, plan and apply roles. */
export class PipelineStack extends TerraformStack {
  constructor(scope: Construct, config: LandingZoneConfig) {
    super(scope, STACK_NAMES.pipeline);
    const organization = config.organization.config;
    useRemoteState(this, organization.stateBackend);
    managementAccountProvider(this, organization);
    new PipelineIdentity(this, "identity", {
      pipeline: organization.pipeline,
      partition: partitionOf(organization.homeRegion),
      environments: config.environments.map((environment) => environment.config.name),
      stateBucket: organization.stateBackend.bucket,
      stateKeyAlias: `${organization.resourcePrefix}/${STATE_KEY_ALIAS_SUFFIX}`,
    });
  }
}
