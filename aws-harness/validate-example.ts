import { join } from "node:path";
import type { SynthesizedLandingZone } from "../cli/synthesize-landing-zone";
import type { ValidateResult } from "./harness-results";
import type { ProviderAdapter } from "./provider-for-run";
import { runInDependencyOrder } from "./run-in-dependency-order";
import type { TerraformCli } from "./terraform/terraform-cli";
import type { TerraformJson } from "./terraform/terraform-json";
import { validateStack } from "./validate-stack";

/** `terraform validate` of every stack of the example, `concurrency` at a time. */
export async function validateExample(
  example: SynthesizedLandingZone,
  terraform: TerraformCli,
  adapter: ProviderAdapter,
  workDir: string,
  concurrency: number,
): Promise<ValidateResult[]> {
  const json = new Map(example.stacks.map((stack) => [stack.name, stack.json as TerraformJson]));
  const results = await runInDependencyOrder(
    example.deployOrder,
    {},
    concurrency,
    async (stack) => ({
      ok: true,
      result: await validateStack(
        stack,
        json.get(stack)!,
        terraform,
        adapter,
        join(workDir, "validate"),
      ),
    }),
    () => {
      throw new Error("validation never skips a stack");
    },
  );
  return [...results.values()];
}
