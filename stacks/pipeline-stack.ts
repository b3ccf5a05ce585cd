import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { partitionOf } from "../config/schema/primitives";
import { PipelineIdentity } from "../modules/pipeline/pipeline-identity";
import { managementAccountProvider } from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import { keyAlias, STATE_KEY_PURPOSE } from "../contracts/resource-names";

/** The CI pipeline's identity in the management account: GitHub OIDC, plan and apply roles. */
export class PipelineStack extends TerraformStack {
  constructor(scope: Construct, config: LandingZoneConfig) {
    super(scope, STACK_NAMES.pipeline);
    const organization = config.organization.config;
    useRemoteState(this, organization.stateBackend);
    managementAccountProvider(this, organization);
    const { pipeline } = organization;
    new PipelineIdentity(this, "identity", {
      repository: pipeline.repository,
      planRoleName: pipeline.planRoleName,
      applyRoleName: pipeline.applyRoleName,
      readRoleName: pipeline.readRoleName,
      partition: partitionOf(organization.homeRegion),
      environments: config.environments.map((environment) => environment.config.name),
      stateBucket: organization.stateBackend.bucket,
      stateKeyAlias: keyAlias(organization.resourcePrefix, STATE_KEY_PURPOSE),
    });
  }
}
