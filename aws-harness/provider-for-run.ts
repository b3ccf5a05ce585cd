import { join } from "node:path";
import type { HarnessSettings } from "./harness-settings";
import { needsProvider5Adapter } from "./harness-settings";
import { adaptStackToProvider5 } from "./provider-adapter/adapt-stack-to-provider5";
import type { AdaptationReport } from "./provider-adapter/adaptation-report";
import { loadProvider5Schema } from "./provider-adapter/load-provider5-schema";
import type { TerraformJson } from "./terraform/terraform-json";
import type { JsonObject } from "./provider-adapter/terraform-json";

/** Turns a synthesized stack into what the installed provider reads. */
export type ProviderAdapter = (
  stack: string,
  json: TerraformJson,
) => { readonly json: TerraformJson; readonly report: AdaptationReport };

const AS_SYNTHESIZED: ProviderAdapter = (_stack, json) => ({
  json,
  report: { adaptations: [], failures: [] },
});

/**
 * With the target provider (6.25) the stacks run as synthesized. With a 5.x provider from the
 * mirror, each goes through the adapter, checked against that binary's own schema.
 */
export function providerAdapterFor(
  settings: HarnessSettings,
  cliConfigFile: string,
  workDir: string,
): ProviderAdapter {
  if (!needsProvider5Adapter(settings)) return AS_SYNTHESIZED;
  const schema = loadProvider5Schema({
    terraformBinary: settings.terraform,
    cliConfigFile,
    scratchDir: join(workDir, "provider-schema"),
    providerVersion: settings.providerVersion,
  });
  return (stack, json) => {
    const adapted = adaptStackToProvider5(
      { name: stack, json: json as unknown as JsonObject },
      schema,
    );
    return { json: adapted.json, report: adapted.report };
  };
}
