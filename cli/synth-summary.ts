import type { SynthesizedStack } from "../compliance/rules/evaluate-rules";

export function countResources(stack: SynthesizedStack): number {
  return Object.values<Record<string, unknown>>(stack.json.resource ?? {}).reduce(
    (count, byName) => count + Object.keys(byName).length,
    0,
  );
}

export function formatSummary(
  outdir: string,
  stacks: readonly SynthesizedStack[],
  elapsedMs: number,
): string {
  const width = Math.max(...stacks.map((stack) => stack.name.length), "stack".length);
  const counts = stacks.map((stack) => ({ name: stack.name, resources: countResources(stack) }));
  const total = counts.reduce((sum, stack) => sum + stack.resources, 0);
  return [
    `Synthesized ${stacks.length} stacks, ${total} resources, into ${outdir} in ${(elapsedMs / 1000).toFixed(2)} s`,
    ...counts.map(
      (stack) => `  ${stack.name.padEnd(width)}  ${String(stack.resources).padStart(4)} resources`,
    ),
  ].join("\n");
}
