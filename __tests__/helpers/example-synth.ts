import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSynthOutput } from "./synth-output";
import type { SynthOutput } from "./synth-output";

/**
 * The unchanged example organization, synthesized once per Jest worker and shared by every test
 * file that only reads it. The first caller in a worker pays for the synth; the others read the
 * files and never load cdktf. Tests must not write into it: they copy the example to change it.
 */
export function exampleSynth(): SynthOutput {
  const folder = join(tmpdir(), `lz-example-worker-${process.env.JEST_WORKER_ID ?? "1"}`);
  const outdir = join(folder, "cdktf.out");
  const complete = join(folder, "complete");
  if (!existsSync(complete)) {
    mkdirSync(folder, { recursive: true });
    // Loaded only here, so that files reading a synthesized example stay light.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { synthLandingZone } = require("./synth") as typeof import("./synth");
    synthLandingZone(undefined, outdir);
    writeFileSync(complete, "");
  }
  return readSynthOutput(outdir);
}
