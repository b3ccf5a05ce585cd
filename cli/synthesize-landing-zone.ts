import { enforceGuardrails } from "../compliance/enforce-guardrails";
import type { SynthesizedStack } from "../compliance/rules/evaluate-rules";
import {
  CloneMismatchError,
  clonePlanOf,
  NO_CLONES,
  planBaselineClones,
} from "../config/model/baseline-clones";
import type { BaselineClonePlan } from "../config/model/baseline-clones";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { buildLandingZone } from "../stacks/landing-zone";
import { writeBaselineClones } from "./baseline-clones/write-baseline-clones";
import { synthesizeAtomically } from "./synthesize-atomically";

export interface SynthesizedLandingZone {
  /** In manifest order, with their Terraform JSON. */
  readonly stacks: SynthesizedStack[];
  /** Stack names in the order they are first deployed (bootstrap first). */
  readonly deployOrder: string[];
  /** Stacks of the previous output that are no longer synthesized; their folders were removed. */
  readonly droppedStacks: readonly string[];
  /** Why baselines planned as clones were synthesized after all, one reason per shape. */
  readonly cloneFallbacks: readonly string[];
}

export interface SynthesisOptions {
  /**
   * Write workload baselines of one shape from a template instead of synthesizing each
   * (config/model/baseline-clones.ts); the output is the same byte for byte.
   * @default true
   */
  readonly cloneBaselines?: boolean;
  /**
   * Write the evidence pack beside the stacks; `npm run affected`, which compares only stacks,
   * turns it off. Guardrail rules run either way.
   * @default true
   */
  readonly evidence?: boolean;
}

/**
 * What `npm run synth` does once the config is valid: build every stack, check the rule pack and
 * write the evidence, all into a staging folder that replaces `outdir` only on success (keeping
 * what Terraform and users put beside the synthesized files; see synthesizeAtomically).
 */
export function synthesizeLandingZone(
  config: LandingZoneConfig,
  outdir: string,
  options: SynthesisOptions = {},
): SynthesizedLandingZone {
  let plan = options.cloneBaselines === false ? NO_CLONES : planBaselineClones(config);
  const cloneFallbacks: string[] = [];
  for (;;) {
    try {
      return { ...synthesize(config, outdir, plan, options.evidence ?? true), cloneFallbacks };
    } catch (error) {
      if (!(error instanceof CloneMismatchError)) throw error;
      // The staging folder is gone with the failed attempt: synthesize that shape instead.
      cloneFallbacks.push(error.message);
      plan = clonePlanOf(plan.groups.filter((group) => group !== error.group));
    }
  }
}

function synthesize(
  config: LandingZoneConfig,
  outdir: string,
  plan: BaselineClonePlan,
  evidence: boolean,
) {
  let stacks: SynthesizedStack[] = [];
  let deployOrder: string[] = [];
  const { droppedStacks } = synthesizeAtomically(
    outdir,
    (app) => ({ deployOrder } = buildLandingZone(app, config, plan.cloned)),
    (app, staged) => {
      writeBaselineClones(staged, plan);
      stacks = enforceGuardrails(app, staged, config, { clones: plan, evidence });
    },
  );
  return { stacks, deployOrder, droppedStacks };
}
