import type { PlannedChange } from "../terraform/planned-changes";
import { withoutIndex } from "../terraform/resource-address";
import type { EmulatorGap } from "./emulator-gap";
import type { RemovedResource } from "./strip-emulator-gaps";

export interface ReplanExplanation {
  /** The unread-argument entries that explain changes, each seen in this plan. */
  readonly gaps: readonly EmulatorGap[];
  /** The changes no entry explains. */
  readonly unexplained: readonly PlannedChange[];
}

const within = (names: readonly string[], allowed: readonly string[]) =>
  names.length > 0 && names.every((name) => allowed.includes(name));

/**
 * Sorts the changes of a re-plan into those the gap list's unread-argument entries explain and
 * the rest. A change is explained when the emulator's message is in its log or in what it gave
 * back (the resource's prior state), and the change is one of:
 * - an update of only the arguments the emulator doesn't give back;
 * - a replacement forced only by such arguments;
 * - an update of arguments known only after apply whose configuration names a resource the first
 *   kind replaces: the replacement, not this resource, is what differs.
 */
export function explainReplan(
  changes: readonly PlannedChange[],
  unread: readonly RemovedResource[],
  emulatorLog: string,
): ReplanExplanation {
  const gaps = new Set<EmulatorGap>();
  const replaced: string[] = [];
  const rest: PlannedChange[] = [];
  for (const change of changes) {
    const gap = unread.find((entry) => entry.address === withoutIndex(change.address))?.gap;
    const seen =
      gap !== undefined &&
      (emulatorLog.includes(gap.emulatorMessage) || change.before.includes(gap.emulatorMessage));
    const allowed = gap?.unreadArguments ?? [];
    const update = change.actions.join() === "update" && within(change.changedArguments, allowed);
    const replacement = change.actions.includes("create") && within(change.forcedBy, allowed);
    if (seen && (update || replacement)) {
      gaps.add(gap);
      if (replacement) replaced.push(withoutIndex(change.address));
    } else rest.push(change);
  }
  const unexplained = rest.filter(
    (change) =>
      change.actions.join() !== "update" ||
      !within(change.changedArguments, change.unknownAfter) ||
      !change.changedArguments.every((argument) =>
        replaced.some((address) => change.configuration[argument]?.includes(`\${${address}.`)),
      ),
  );
  return { gaps: [...gaps], unexplained };
}
