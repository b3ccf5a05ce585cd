import { join } from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../cli/user-error";

/** The organization sizes every target is measured at; the committed results cover all of them. */
const FULL_SIZES: readonly number[] = [10, 100, 1000];
/** Runs per figure in the committed results (each figure is their median). */
const FULL_REPEAT = 3;

const USAGE = "usage: npm run bench -- [--sizes 10,100,1000] [--repeat 3] [--skip-tests]";

export interface BenchOptions {
  /** Workload accounts per generated organization, ascending (the largest gets the affected run). */
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly skipTests: boolean;
}

function positiveInteger(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new UserError(`--${option} takes positive whole numbers, got "${text}"\n${USAGE}`);
  return Number(text);
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string", default: FULL_SIZES.join(",") },
      repeat: { type: "string", default: String(FULL_REPEAT) },
      "skip-tests": { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes.split(",").map((size) => positiveInteger("sizes", size));
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    repeat: positiveInteger("repeat", values.repeat),
    skipTests: values["skip-tests"],
  };
}

/** What makes a run partial: each option that leaves a target unmeasured or a figure less sure. */
export function partialBecause(options: BenchOptions): string[] {
  const reasons: string[] = [];
  const missing = FULL_SIZES.filter((size) => !options.sizes.includes(size));
  if (missing.length > 0) reasons.push(`no organization of ${missing.join(", ")} accounts`);
  if (options.repeat < FULL_REPEAT)
    reasons.push(`${options.repeat} run${options.repeat === 1 ? "" : "s"} per figure`);
  if (options.skipTests) reasons.push("npm test not timed");
  return reasons;
}

/**
 * Where a run writes latest.md and latest.json: bench/results/, which is committed, only for a
 * run that measures every target; a partial run goes to bench/results/partial/ (git-ignored).
 */
export function resultsDir(options: BenchOptions, root: string): string {
  const committed = join(root, "bench", "results");
  return partialBecause(options).length === 0 ? committed : join(committed, "partial");
}
