import type { DroppedWait, RemovedResource, StandIn } from "./emulator/strip-emulator-gaps";
import type { Adaptation, AdaptationFailure } from "./provider-adapter/adaptation-report";

/** `terraform validate` of one stack of the example, as synthesized (adapted to 5.x if needed). */
export interface ValidateResult {
  readonly stack: string;
  readonly ok: boolean;
  readonly resources: number;
  readonly errors: readonly string[];
  readonly warnings: number;
  readonly adaptations: readonly Adaptation[];
  readonly adapterFailures: readonly AdaptationFailure[];
  readonly seconds: number;
}

/**
 * One stack of the emulator variant: applied, then planned again; or covered by a baseline of
 * the same shape that was (emulator/same-shape-baselines.ts).
 */
export interface EmulatorResult {
  readonly stack: string;
  readonly status: "applied" | "failed" | "skipped" | "covered";
  /** The applied baseline whose JSON this one's is, but for the account's fields. */
  readonly coveredBy?: string;
  /** Resources in the stack's state after the apply. */
  readonly resourcesInState: number;
  /** Resources of the stack left out because the emulator lacks their API. */
  readonly removed: readonly RemovedResource[];
  /** Resources applied with one argument the emulator can't take set to one it can. */
  readonly withheld: readonly RemovedResource[];
  /** Resources applied as they are, whose re-plan may show what the emulator can't read back. */
  readonly unread: readonly RemovedResource[];
  /** Resources applied without waiting for one that was left out. */
  readonly droppedWaits: readonly DroppedWait[];
  readonly standIns: readonly StandIn[];
  /** Gap-list entries whose emulator message this stack's first apply showed. */
  readonly gapsObserved: readonly string[];
  readonly errors: readonly string[];
  /** Changes the plan after the apply wanted: none, or the addresses. */
  readonly replan: "no changes" | "not run" | readonly string[];
  readonly seconds: number;
}

/** Whether the stack is proven on the emulator: applied, or the same as one that was. */
export const appliedOrCovered = (result: EmulatorResult): boolean =>
  result.status === "applied" || result.status === "covered";

/** A stack not attempted because a stack it depends on did not apply. */
export function skippedResult(stack: string, reason: string): EmulatorResult {
  return { ...notAppliedResult(stack, "skipped"), errors: [reason] };
}

/** A baseline not applied because `coveredBy`, the same but for its account's fields, was. */
export function coveredResult(stack: string, coveredBy: string): EmulatorResult {
  return { ...notAppliedResult(stack, "covered"), coveredBy };
}

function notAppliedResult(stack: string, status: EmulatorResult["status"]): EmulatorResult {
  return {
    stack,
    status,
    resourcesInState: 0,
    removed: [],
    withheld: [],
    unread: [],
    droppedWaits: [],
    standIns: [],
    gapsObserved: [],
    errors: [],
    replan: "not run",
    seconds: 0,
  };
}
