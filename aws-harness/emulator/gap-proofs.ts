import type { EmulatorResult } from "../harness-results";
import { describeGap } from "./emulator-gap";
import type { EmulatorGap } from "./emulator-gap";

/**
 * Which gap-list entries this run has seen failing with their message. Each is proven by the
 * first stack that has it, which applies whole; the others rely on that proof instead of applying
 * whole too. An entry no stack showed fails the run at the end (see unseenGaps in run.ts).
 */
export class GapProofs {
  private readonly proven = new Set<EmulatorGap>();
  private readonly claimed = new Set<EmulatorGap>();

  prove(gap: EmulatorGap): void {
    this.proven.add(gap);
  }

  /** The entries among `gaps` nobody has proven or is proving: the caller must prove them. */
  claim(gaps: readonly EmulatorGap[]): EmulatorGap[] {
    const mine = [...new Set(gaps)].filter(
      (gap) => !this.proven.has(gap) && !this.claimed.has(gap),
    );
    for (const gap of mine) this.claimed.add(gap);
    return mine;
  }
}

/** Gap entries that matched a resource of this run but whose failure no stack showed. */
export function unseenGaps(
  results: readonly EmulatorResult[],
  gaps: readonly EmulatorGap[],
): string[] {
  const observed = new Set(results.flatMap((result) => result.gapsObserved));
  const applicable = new Set(
    results.flatMap((result) => [
      ...result.removed.filter((entry) => !entry.dependsOn).map((entry) => entry.gap),
      ...result.withheld.map((entry) => entry.gap),
      ...result.unread.map((entry) => entry.gap),
    ]),
  );
  return gaps
    .filter((gap) => applicable.has(gap) && !observed.has(describeGap(gap)))
    .map(
      (gap) =>
        `The gap entry for ${describeGap(gap)} was never seen failing with "${gap.emulatorMessage}": if the emulator now implements it, remove the entry (aws-harness/emulator/emulator-gaps.ts)`,
    );
}
