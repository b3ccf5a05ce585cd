import { App } from "cdktf";
import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Synthesizes into a sibling staging folder and swaps it into place only when synth succeeded,
 * so a failed run never leaves a half-written output folder behind (or removes a good one).
 */
export function synthesizeAtomically(
  outdir: string,
  build: (app: App) => void,
  /** Runs on the staged output before it is swapped in; throwing discards everything. */
  finish: (app: App, stagedOutdir: string) => void = () => {},
): void {
  const target = resolve(outdir);
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const app = new App({ outdir: staging });
    build(app);
    app.synth();
    finish(app, staging);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
