import type { SynthesizedStack } from "../compliance/rules/evaluate-rules";
import { resourcesByType } from "../compliance/rules/rule";
import type { ExpiringSuppression } from "../compliance/suppressions/expiring-suppressions";
import { describeExpiring } from "../compliance/suppressions/expiring-suppressions";
import type { HeldBaseline } from "../config/model/held-baselines";
import { ACCOUNT_STACK_PREFIX } from "../config/model/stack-names";

/** Beyond this many stacks, account baselines are summed up in one line instead of listed. */
const LISTED_STACKS_LIMIT = 40;

export function countResources(stack: SynthesizedStack): number {
  return Object.values(resourcesByType(stack.json)).reduce(
    (count, byName) => count + Object.keys(byName).length,
    0,
  );
}

export function formatSummary(
  outdir: string,
  stacks: readonly SynthesizedStack[],
  elapsedMs: number,
  notes: {
    readonly held?: readonly HeldBaseline[];
    readonly expiring?: readonly ExpiringSuppression[];
    /** What synth did that the reader should know of, one line each. */
    readonly notices?: readonly string[];
  } = {},
): string {
  const { held = [], expiring = [], notices = [] } = notes;
  // A clone has its template's resources, so its JSON isn't read just to count them.
  const byName = new Map(stacks.map((stack) => [stack.name, stack]));
  const countOf = (stack: SynthesizedStack): number =>
    countResources(stack.clonedFrom ? (byName.get(stack.clonedFrom) ?? stack) : stack);
  const counts = stacks.map((stack) => ({ name: stack.name, resources: countOf(stack) }));
  const total = counts.reduce((sum, stack) => sum + stack.resources, 0);
  const isBaseline = (name: string) => name.startsWith(ACCOUNT_STACK_PREFIX);
  const groupBaselines = counts.length > LISTED_STACKS_LIMIT;
  const listed = groupBaselines ? counts.filter((stack) => !isBaseline(stack.name)) : counts;
  const baselines = counts.filter((stack) => isBaseline(stack.name));
  const width = Math.max(...listed.map((stack) => stack.name.length), "stack".length);
  const lines = listed.map(
    (stack) => `  ${stack.name.padEnd(width)}  ${String(stack.resources).padStart(4)} resources`,
  );
  if (groupBaselines && baselines.length > 0) {
    const sizes = baselines.map((stack) => stack.resources);
    lines.push(
      `  ${ACCOUNT_STACK_PREFIX}* (${baselines.length} account baselines)  ${Math.min(...sizes)}–${Math.max(...sizes)} resources each, ${sizes.reduce((sum, size) => sum + size, 0)} in all`,
    );
  }
  const heldLines = held.map(
    (baseline) =>
      `  ${baseline.stack}: ${baseline.state} since ${baseline.since} (${baseline.reason}); its state is kept as it was`,
  );
  return [
    `Synthesized ${stacks.length} stacks, ${total} resources, into ${outdir} in ${(elapsedMs / 1000).toFixed(2)} s`,
    ...lines,
    ...(held.length > 0
      ? [
          `Held, not synthesized (the quarantine OU's deny-all SCP refuses any plan in these accounts):`,
          ...heldLines,
        ]
      : []),
    ...(expiring.length > 0
      ? [
          `Warning: ${expiring.length} suppression${expiring.length === 1 ? "" : "s"} expire${expiring.length === 1 ? "s" : ""} within 30 days:`,
          ...expiring.map((suppression) => `  ${describeExpiring(suppression)}`),
        ]
      : []),
    ...notices.map((notice) => `Note: ${notice}`),
  ].join("\n");
}
