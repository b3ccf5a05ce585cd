import { App } from "cdktf";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "./user-error";

/** The output folder can't be written: a missing parent, a file in the way, no permission. */
export class OutputFolderError extends UserError {}

export interface AtomicSynthesis {
  /**
   * Stacks of the previous output that this synth no longer produces. Their folders are gone,
   * with whatever Terraform had put in them: state is remote, and `.terraform/` is a cache.
   */
  readonly droppedStacks: readonly string[];
}

/**
 * Synthesizes into a sibling staging folder and swaps it into place only when synth succeeded,
 * so a failed run never leaves a half-written output folder behind (or touches a good one).
 *
 * What the synth doesn't write is carried over from the previous output: in each stack's folder,
 * Terraform's `.terraform/` and `.terraform.lock.hcl` and saved plans (`plan.tfplan`,
 * `plan.json`), so `terraform plan` doesn't re-initialize after every synth; at the top level,
 * folders of other tools (`aws-harness/`). The synth's own files (`manifest.json`, `evidence/`,
 * each stack's Terraform configuration) are always its own, never carried over.
 */
export function synthesizeAtomically(
  outdir: string,
  build: (app: App) => void,
  /** Runs on the staged output before it is swapped in; throwing discards everything. */
  finish: (app: App, stagedOutdir: string) => void = () => {},
): AtomicSynthesis {
  const target = resolve(outdir);
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  prepareStaging(outdir, target, staging);
  try {
    const app = new App({ outdir: staging });
    build(app);
    app.synth();
    finish(app, staging);
    return swapIn(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Refuses, with what to do, an output folder that can't be written; then creates the staging. */
function prepareStaging(outdir: string, target: string, staging: string): void {
  const parent = dirname(target);
  const refuse = (problem: string) =>
    new OutputFolderError(`Cannot write the output to ${outdir}: ${problem}`);
  if (!existsSync(parent))
    throw refuse(
      `its parent folder ${parent} does not exist. Create it (mkdir -p ${parent}), or set CDKTF_OUTDIR to a folder whose parent exists.`,
    );
  if (!statSync(parent).isDirectory())
    throw refuse(`${parent} is a file, not a folder. Set CDKTF_OUTDIR to a path inside a folder.`);
  if (existsSync(target) && !statSync(target).isDirectory())
    throw refuse(
      "it is a file, and synth would replace it with a folder. Move the file away, or set CDKTF_OUTDIR to a folder.",
    );
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw refuse(
      `creating ${staging} beside it failed (${reason}). Synth writes beside the output first; check that you may write to ${parent}.`,
    );
  }
}

/**
 * Terraform reads every `*.tf` and `*.tf.json` in a stack's folder: one the synth no longer writes
 * would change the plan, so configuration is never carried over.
 */
const isTerraformConfiguration = (name: string) => /\.tf(\.json)?$/.test(name);

const isFolder = (path: string) => existsSync(path) && lstatSync(path).isDirectory();
const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** The moves that carry the previous output's leftovers into the new one, and the dropped stacks. */
function leftovers(previous: string, next: string) {
  const moves: [from: string, to: string][] = [];
  const droppedStacks: string[] = [];
  for (const entry of readdirSync(previous).sort()) {
    if (entry !== "stacks") {
      if (!exists(join(next, entry))) moves.push([join(previous, entry), join(next, entry)]);
      continue;
    }
    // stacks/ is the synth's: each folder in it is a stack, kept only while synth produces it.
    if (!isFolder(join(previous, "stacks"))) continue;
    for (const stack of readdirSync(join(previous, "stacks")).sort()) {
      const from = join(previous, "stacks", stack);
      const to = join(next, "stacks", stack);
      if (!isFolder(from)) {
        if (!exists(to) && isFolder(join(next, "stacks"))) moves.push([from, to]);
      } else if (!isFolder(to)) {
        droppedStacks.push(stack);
      } else {
        for (const item of readdirSync(from).sort()) {
          if (!isTerraformConfiguration(item) && !exists(join(to, item)))
            moves.push([join(from, item), join(to, item)]);
        }
      }
    }
  }
  return { moves, droppedStacks };
}

/**
 * Moves the leftovers of `target` into `staging`, then swaps `staging` in by two renames. Any
 * failure puts every moved entry back, so the previous output stays as it was.
 */
function swapIn(staging: string, target: string): AtomicSynthesis {
  if (!exists(target)) {
    renameSync(staging, target);
    return { droppedStacks: [] };
  }
  const { moves, droppedStacks } = leftovers(target, staging);
  const previous = join(dirname(target), `.${basename(target)}.previous-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  const done: [string, string][] = [];
  let retired = false;
  try {
    for (const [from, to] of moves) {
      renameSync(from, to);
      done.push([from, to]);
    }
    renameSync(target, previous);
    retired = true;
    renameSync(staging, target);
  } catch (error) {
    if (retired) renameSync(previous, target);
    for (const [from, to] of done.reverse()) renameSync(to, from);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  return { droppedStacks };
}
