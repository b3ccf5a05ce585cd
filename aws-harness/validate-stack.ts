import { countResources } from "../cli/synth-summary";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ValidateResult } from "./harness-results";
import type { ProviderAdapter } from "./provider-for-run";
import type { TerraformCli } from "./terraform/terraform-cli";
import type { TerraformJson } from "./terraform/terraform-json";
import { errorsOf, formatDiagnostic, readValidateJson } from "./terraform/terraform-messages";

/**
 * `terraform init` (without the backend: validate reads no state) and `terraform validate` of one
 * synthesized stack, with the real provider, in its own folder under `workDir`.
 */
export async function validateStack(
  name: string,
  stack: TerraformJson,
  terraform: TerraformCli,
  adapter: ProviderAdapter,
  workDir: string,
): Promise<ValidateResult> {
  const started = performance.now();
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const adapted = adapter(name, stack);
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(adapted.json, null, 2));
  const result = (errors: string[], warnings = 0): ValidateResult => ({
    stack: name,
    ok: errors.length === 0 && adapted.report.failures.length === 0,
    resources: countResources({ name, json: stack }),
    errors,
    warnings,
    adaptations: adapted.report.adaptations,
    adapterFailures: adapted.report.failures,
    seconds: (performance.now() - started) / 1000,
  });
  const init = await terraform.run(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
  if (init.exitCode !== 0) return result([`terraform init failed: ${init.stderr.trim()}`]);
  const validate = await terraform.run(dir, ["validate", "-json", "-no-color"]);
  const diagnostics = readValidateJson(validate.stdout);
  return result(
    errorsOf(diagnostics).map(formatDiagnostic),
    diagnostics.length - errorsOf(diagnostics).length,
  );
}
