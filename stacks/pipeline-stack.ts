import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { partitionOf } from "../config/schema/primitives";
import { PipelineIdentity } from "../modules/pipeline/pipeline-identity";
import { managementAccountProvider } from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import { evidenceBucketName, keyAlias, STATE_KEY_PURPOSE } from "../contracts/resource-names";
import { evidenceRoleName } from "../config/model/evidence-settings";
import { EvidenceCollectorRole } from "../modules/pipeline/evidence-collector-role";

/**
 * The CI pipeline's identity in the management account: GitHub OIDC, plan and apply roles, and
 * the evidence workflow's role.
 */
export class PipelineStack extends TerraformStack {
  constructor(scope: Construct, config: LandingZoneConfig) {
    super(scope, STACK_NAMES.pipeline);
    const organization = config.organization.config;
    useRemoteState(this, organization.stateBackend);
    managementAccountProvider(this, organization);
    const { pipeline } = organization;
    const partition = partitionOf(organization.homeRegion);
    const identity = new PipelineIdentity(this, "identity", {
      repository: pipeline.repository,
      planRoleName: pipeline.planRoleName,
      applyRoleName: pipeline.applyRoleName,
      readRoleName: pipeline.readRoleName,
      partition,
      environments: config.environments.map((environment) => environment.config.name),
      stateBucket: organization.stateBackend.bucket,
      stateKeyAlias: keyAlias(organization.resourcePrefix, STATE_KEY_PURPOSE),
    });
    new EvidenceCollectorRole(this, "evidence-collector", {
      oidcProvider: identity.oidcProvider,
      repository: pipeline.repository,
      roleName: evidenceRoleName(organization),
      readRoleName: pipeline.readRoleName,
      partition,
      // The logging stack makes the bucket with the log archive's provider, in the home region.
      bucketName: evidenceBucketName(organization.resourcePrefix, organization.managementAccountId),
      bucketRegion: organization.homeRegion,
    });
  }
}
