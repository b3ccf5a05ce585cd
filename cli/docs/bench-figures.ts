import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What `npm run bench` writes after a full run; a partial run writes elsewhere. */
const BENCH_RESULTS = join(__dirname, "..", "..", "bench", "results", "latest.md");

/**
 * The benchmark's own report, as the bench wrote it, without its title: the page that embeds it
 * has headings of its own.
 */
export function benchFigures(latest: string = readFileSync(BENCH_RESULTS, "utf8")): string[] {
  const lines = latest.trimEnd().split("\n");
  const body = lines[0]?.startsWith("# ") ? lines.slice(1) : lines;
  while (body[0] === "") body.shift();
  if (body.length === 0)
    throw new Error("bench/results/latest.md has no results: run npm run bench");
  return body;
}
