import { isDeepStrictEqual } from "node:util";
import { CloneMismatchError } from "../config/model/baseline-clones";
import type { BaselineClonePlan, CloneGroup } from "../config/model/baseline-clones";
import { fieldSubstitution } from "../config/model/clone-field-substitution";
import type { FieldSubstitution } from "../config/model/clone-field-substitution";
import { accountBaselineStackName } from "../config/model/stack-names";
import type { SynthesizedStack } from "./rules/evaluate-rules";

/** How one stack's results follow from its template's: the template's, with its fields swapped. */
export interface StackDerivation {
  readonly template: string;
  readonly substitute: FieldSubstitution;
  readonly group: CloneGroup;
}

export interface CloneDerivations {
  /** Cloned baselines by stack name: what is known of them is derived, never read from them. */
  readonly clones: ReadonlyMap<string, StackDerivation>;
  /** Verifiers by stack name: computed as themselves, and checked against the derivation. */
  readonly verifiers: ReadonlyMap<string, StackDerivation>;
}

export const NO_DERIVATIONS: CloneDerivations = { clones: new Map(), verifiers: new Map() };

export function cloneDerivations(plan: BaselineClonePlan): CloneDerivations {
  const clones = new Map<string, StackDerivation>();
  const verifiers = new Map<string, StackDerivation>();
  for (const group of plan.groups) {
    const template = accountBaselineStackName(group.template.name);
    const derivationOf = (fields: CloneGroup["verifier"]) => ({
      template,
      substitute: fieldSubstitution(group.template, fields),
      group,
    });
    verifiers.set(accountBaselineStackName(group.verifier.name), derivationOf(group.verifier));
    for (const clone of group.clones)
      clones.set(accountBaselineStackName(clone.name), derivationOf(clone));
  }
  return { clones, verifiers };
}

/**
 * `compute` for each stack, in order, but for a clone: `derive` from its template's result. A
 * verifier's computed result must equal the one derived from its template, or the group's
 * baselines differ beyond their fields and CloneMismatchError sends them back to synthesis.
 */
export function perStack<T>(
  stacks: readonly SynthesizedStack[],
  derivations: CloneDerivations,
  what: string,
  compute: (stack: SynthesizedStack) => T,
  derive: (fromTemplate: T, derivation: StackDerivation, stack: string) => T,
): T[] {
  const byName = new Map(stacks.map((stack) => [stack.name, stack]));
  const templates = new Map<string, T>();
  const ofTemplate = (name: string) => {
    if (!templates.has(name)) templates.set(name, compute(byName.get(name)!));
    return templates.get(name)!;
  };
  return stacks.map((stack) => {
    const clone = derivations.clones.get(stack.name);
    if (clone) return derive(ofTemplate(clone.template), clone, stack.name);
    const value = templates.get(stack.name) ?? compute(stack);
    const verifier = derivations.verifiers.get(stack.name);
    if (
      verifier &&
      !isDeepStrictEqual(derive(ofTemplate(verifier.template), verifier, stack.name), value)
    )
      throw new CloneMismatchError(
        verifier.group,
        `the ${what} of ${stack.name} are not those of ${verifier.template} with its fields`,
      );
    return value;
  });
}
