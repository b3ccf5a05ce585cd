import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What `npm run bench` writes beside latest.md after a full run. */
const BENCH_RESULTS = join(__dirname, "..", "..", "bench", "results", "latest.json");

interface BenchTarget {
  readonly target: string;
  readonly value: string;
  readonly met: boolean;
}

/** The benchmark's targets, one line each, for the README's front page; details in docs/scale.md. */
export function benchSummary(latest: string = readFileSync(BENCH_RESULTS, "utf8")): string[] {
  const { targets, machine } = JSON.parse(latest) as {
    targets: readonly BenchTarget[];
    machine: { cores: number };
  };
  if (targets.length === 0) throw new Error("bench/results/latest.json has no targets");
  return [
    `\`npm run bench\` on ${machine.cores} cores, last run:`,
    "",
    ...targets.map(
      (target) => `- ${target.target}: ${target.value}${target.met ? "" : " (**missed**)"}`,
    ),
  ];
}
