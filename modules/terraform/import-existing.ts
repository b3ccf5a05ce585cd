import { TerraformStack } from "cdktf";
import type { TerraformResource } from "cdktf";

const importsByStack = new WeakMap<TerraformStack, { to: string; id: string }[]>();

/**
 * Adopts a resource that already exists in AWS through a Terraform `import` block. cdktf's own
 * `importFrom` runs `terraform version` during synth, which would make synth fail on machines
 * without Terraform; an import block written as a stack override needs nothing at synth.
 */
export function importExisting(resource: TerraformResource, id: string): void {
  const stack = TerraformStack.of(resource);
  const imports = importsByStack.get(stack) ?? [];
  imports.push({ to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`, id });
  importsByStack.set(stack, imports);
  stack.addOverride("import", imports);
}
