import type { TerraformResource, TerraformStack } from "cdktf";

const removedByStack = new WeakMap<TerraformStack, object[]>();

/**
 * Makes `stack` forget a resource it held, without destroying it, through a Terraform `removed`
 * block with `lifecycle { destroy = false }` (Terraform 1.7+). cdktf 0.21 has no construct for
 * removed blocks, so it is a stack override, as import blocks are (import-existing.ts).
 *
 * `resource` is where the resource lives now, in another stack: a logical id depends only on the
 * construct path below its stack, so the same construct path gives the address it had here.
 */
export function forgetResource(stack: TerraformStack, resource: TerraformResource): void {
  const removed = removedByStack.get(stack) ?? [];
  removed.push({
    from: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`,
    lifecycle: { destroy: false },
  });
  removedByStack.set(stack, removed);
  stack.addOverride("removed", removed);
}
