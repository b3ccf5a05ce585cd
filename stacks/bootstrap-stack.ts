import { App, LocalBackend, TerraformStack } from "cdktf";
import { join, relative } from "node:path";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../environments/model/landing-zone-config";
import { STACK_NAMES } from "../environments/model/stack-names";
import { partitionOf } from "../environments/schema/primitives";
import { accountRootKeyPolicy } from "../modules/kms/account-root-key-policy";
import { KmsKey } from "../modules/kms/kms-key";
import { SecureBucket } from "../modules/storage/secure-bucket";
import { managementAccountProvider } from "../modules/terraform/aws-providers";

/** Where bootstrap keeps its local state: the project root, outside the synth output. */
export const BOOTSTRAP_STATE_FILE = "terraform.bootstrap.tfstate";

/**
 * The state bucket every other stack keeps its state in. It has to exist before them, so it
 * has local state and is applied once, by hand.
 */
export class BootstrapStack extends TerraformStack {
  constructor(scope: Construct, config: LandingZoneConfig) {
    super(scope, STACK_NAMES.bootstrap);
    const organization = config.organization.config;
    const backend = organization.stateBackend;

    // Terraform runs in <outdir>/stacks/bootstrap; a relative path keeps the output the same on
    // every machine, and keeps the state out of the folder each synth replaces.
    const stackDir = join(App.of(this).outdir, "stacks", this.node.id);
    new LocalBackend(this, { path: relative(stackDir, join(process.cwd(), BOOTSTRAP_STATE_FILE)) });
    managementAccountProvider(this, organization, backend.region);

    const partition = partitionOf(backend.region);
    const stateKey = new KmsKey(this, "state-key", {
      alias: `${organization.resourcePrefix}/terraform-state`,
      description: "Encrypts the landing zone's Terraform state",
      policy: accountRootKeyPolicy(partition, organization.managementAccountId),
    });
    new SecureBucket(this, "state-bucket", {
      bucketName: backend.bucket,
      partition,
      kmsKey: stateKey,
    });
  }
}
