import { DataTerraformRemoteStateS3, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { OrganizationConfig } from "../../config/schema/organization-schema";
import { stateLocation } from "./remote-state";

/** A value one stack publishes for others, by the stack's name and the output's name. */
export interface PublishedOutput {
  readonly stackName: string;
  readonly outputName: string;
}

/**
 * Publishes a value as a Terraform output with a fixed name, so that a consumer can read it
 * through remote state (readPublishedOutput) without a cdktf cross-stack reference. Publishing
 * the same name twice returns the first output.
 */
export function publishOutput(
  scope: Construct,
  outputName: string,
  value: string,
): PublishedOutput {
  const stack = TerraformStack.of(scope);
  if (!stack.node.tryFindChild(outputName)) {
    new TerraformOutput(stack, outputName, { value }).overrideLogicalId(outputName);
  }
  return { stackName: stack.node.id, outputName };
}

/** A value from another stack: a literal as it is, a published output read from that stack's state. */
export function valueFromOtherStack(
  consumer: TerraformStack,
  value: string | PublishedOutput,
  backend: OrganizationConfig["stateBackend"],
): string {
  return typeof value === "string" ? value : readPublishedOutput(consumer, value, backend);
}

/**
 * Reads another stack's published output from that stack's state. The reference stays inside
 * the consumer stack, which is what lets account baselines skip cdktf's cross-stack pass.
 */
function readPublishedOutput(
  consumer: TerraformStack,
  published: PublishedOutput,
  backend: OrganizationConfig["stateBackend"],
): string {
  const id = `remote-state-${published.stackName}`;
  const state =
    (consumer.node.tryFindChild(id) as DataTerraformRemoteStateS3 | undefined) ??
    new DataTerraformRemoteStateS3(consumer, id, {
      ...stateLocation(backend, published.stackName),
      workspace: "${terraform.workspace}",
    });
  return state.getString(published.outputName);
}
