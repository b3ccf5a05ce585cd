import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface StackSummary {
  readonly name: string;
  readonly resources: number;
}

/** Counts the resources of each stack in the synthesized output, in manifest order. */
export function summarizeSynth(outdir: string): StackSummary[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return Object.entries(manifest.stacks).map(([name, stack]) => {
    const synthesized = JSON.parse(
      readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"),
    ) as {
      resource?: Record<string, Record<string, unknown>>;
    };
    const resources = Object.values(synthesized.resource ?? {}).reduce(
      (count, byName) => count + Object.keys(byName).length,
      0,
    );
    return { name, resources };
  });
}

export function formatSummary(
  outdir: string,
  stacks: readonly StackSummary[],
  elapsedMs: number,
): string {
  const width = Math.max(...stacks.map((stack) => stack.name.length), "stack".length);
  const total = stacks.reduce((sum, stack) => sum + stack.resources, 0);
  return [
    `Synthesized ${stacks.length} stacks, ${total} resources, into ${outdir} in ${(elapsedMs / 1000).toFixed(2)} s`,
    ...stacks.map(
      (stack) => `  ${stack.name.padEnd(width)}  ${String(stack.resources).padStart(4)} resources`,
    ),
  ].join("\n");
}
