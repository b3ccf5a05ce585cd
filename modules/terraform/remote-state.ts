import { S3Backend } from "cdktf";
import type { TerraformStack } from "cdktf";
import type { OrganizationConfig } from "../../config/schema/organization-schema";

/**
 * Keeps the stack's state in the landing zone's state bucket under its own key, encrypted, with
 * S3 native locking (no DynamoDB table).
 */
export function useRemoteState(
  stack: TerraformStack,
  backend: OrganizationConfig["stateBackend"],
): void {
  new S3Backend(stack, stateLocation(backend, stack.node.id));
  // cdktf 0.21's S3Backend has no typed property for it yet.
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
}

/**
 * Where a stack's state lives: the stack's own backend and every remote-state read of it use
 * this, so the two can't drift apart.
 */
export function stateLocation(backend: OrganizationConfig["stateBackend"], stackName: string) {
  return {
    bucket: backend.bucket,
    key: `${backend.keyPrefix}/${stackName}.tfstate`,
    region: backend.region,
    encrypt: true,
  };
}
