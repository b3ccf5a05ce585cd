import { join } from "node:path";
import { synthesizeAtomically } from "../../cli/synthesize-atomically";
import { enforceGuardrails } from "../../compliance/enforce-guardrails";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import { skipTokenStackTraces } from "../../modules/terraform/cdktf-internals";
import { buildLandingZone } from "../../stacks/landing-zone";
import { EXAMPLE_CONFIG_DIR } from "./example-config";
import { readSynthOutput } from "./synth-output";
import type { SynthOutput } from "./synth-output";
import { tempDir } from "./temp-dirs";

// As main.ts does: under Jest each recorded trace also goes through source maps, doubling synth.
skipTokenStackTraces();

/**
 * A real `app.synth()` through the same path as `npm run synth` (Testing.synth would skip
 * prepareStack, leaving cross-stack references dangling). Tests that only read the unchanged
 * example use exampleSynth instead.
 */
export function synthLandingZone(
  configDir: string = EXAMPLE_CONFIG_DIR,
  outdir: string = join(tempDir("lz-out-"), "cdktf.out"),
): SynthOutput {
  const config = loadLandingZoneConfig(configDir);
  synthesizeAtomically(
    outdir,
    (app) => buildLandingZone(app, config),
    (app, staged) => enforceGuardrails(app, staged, config),
  );
  return readSynthOutput(outdir);
}
