import { ConfigError } from "./environments/loader/config-problem";
import { DEFAULT_CONFIG_DIR, loadLandingZoneConfig } from "./environments/loader/load-config";
import { formatSummary, summarizeSynth } from "./cli/synth-summary";
import { synthesizeAtomically } from "./cli/synthesize-atomically";
import { buildLandingZone } from "./stacks/landing-zone";

const started = performance.now();
const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
try {
  // Validate before the App exists: constructing it creates the output folder.
  const config = loadLandingZoneConfig(process.env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR);
  synthesizeAtomically(outdir, (app) => buildLandingZone(app, config));
  console.log(formatSummary(outdir, summarizeSynth(outdir), performance.now() - started));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
