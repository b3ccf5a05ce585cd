import { LocalBackend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { partitionOf } from "../config/schema/primitives";
import { accountRootKeyPolicy } from "../modules/kms/account-root-key-policy";
import { KmsKey } from "../modules/kms/kms-key";
import { AccessLogBucket } from "../modules/storage/access-log-bucket";
import { SecureBucket } from "../modules/storage/secure-bucket";
import { managementAccountProvider } from "../modules/terraform/aws-providers";
import { keyAlias, STATE_KEY_PURPOSE } from "../contracts/resource-names";

/**
 * Bootstrap's local state, beside the output folder (the project root for the default
 * cdktf.out). Terraform runs in <outdir>/stacks/bootstrap; the path is relative to that, so the
 * output is the same on every machine and the state survives each synth replacing the folder.
 */
const BOOTSTRAP_STATE_PATH = "../../../terraform.bootstrap.tfstate";

/**
 * The state bucket every other stack keeps its state in. It has to exist before them, so it
 * has local state and is applied once, by hand.
 */
export class BootstrapStack extends TerraformStack {
  constructor(scope: Construct, config: LandingZoneConfig) {
    super(scope, STACK_NAMES.bootstrap);
    const organization = config.organization.config;
    const backend = organization.stateBackend;

    new LocalBackend(this, { path: BOOTSTRAP_STATE_PATH });
    managementAccountProvider(this, organization, backend.region);

    const partition = partitionOf(backend.region);
    const stateKey = new KmsKey(this, "state-key", {
      alias: keyAlias(organization.resourcePrefix, STATE_KEY_PURPOSE),
      description: "Encrypts the landing zone's Terraform state",
      policy: accountRootKeyPolicy(partition, organization.managementAccountId),
    });
    const accessLogs = new AccessLogBucket(this, "state-access-logs", {
      bucketName: `${backend.bucket}-access-logs`,
      partition,
      sourceAccountId: organization.managementAccountId,
    });
    new SecureBucket(this, "state-bucket", {
      bucketName: backend.bucket,
      partition,
      kmsKey: stateKey,
      accessLogs,
    });
  }
}
