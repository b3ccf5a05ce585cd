import { loadSynthConfig, configDir } from "./cli/load-synth-config";
import { formatSummary } from "./cli/synth-summary";
import { synthesizeLandingZone } from "./cli/synthesize-landing-zone";
import { GuardrailViolationError } from "./compliance/rules/evaluate-rules";
import { ConfigError } from "./environments/loader/config-problem";
import { heldBaselines } from "./environments/model/held-baselines";
import { skipTokenStackTraces } from "./cli/token-stack-traces";

skipTokenStackTraces();

async function main(): Promise<void> {
  const started = performance.now();
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  // Validate before the App exists: constructing it creates the output folder.
  const config = await loadSynthConfig(configDir());
  const { stacks } = synthesizeLandingZone(config, outdir);
  console.log(formatSummary(outdir, stacks, performance.now() - started, heldBaselines(config)));
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof GuardrailViolationError;
  console.error(expected ? error.message : error);
  process.exitCode = 1;
});
