import { loadSynthConfig, configDir } from "./cli/load-synth-config";
import { formatSummary } from "./cli/synth-summary";
import { synthesizeAtomically } from "./cli/synthesize-atomically";
import { enforceGuardrails } from "./compliance/enforce-guardrails";
import { GuardrailViolationError } from "./compliance/rules/evaluate-rules";
import type { SynthesizedStack } from "./compliance/rules/evaluate-rules";
import { ConfigError } from "./environments/loader/config-problem";
import { skipTokenStackTraces } from "./cli/token-stack-traces";
import { buildLandingZone } from "./stacks/landing-zone";

skipTokenStackTraces();

async function main(): Promise<void> {
  const started = performance.now();
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  // Validate before the App exists: constructing it creates the output folder.
  const config = await loadSynthConfig(configDir());
  let stacks: SynthesizedStack[] = [];
  synthesizeAtomically(
    outdir,
    (app) => buildLandingZone(app, config),
    (app, staged) => (stacks = enforceGuardrails(app, staged, config)),
  );
  console.log(formatSummary(outdir, stacks, performance.now() - started));
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof GuardrailViolationError;
  console.error(expected ? error.message : error);
  process.exitCode = 1;
});
