import { enforceGuardrails } from "../compliance/enforce-guardrails";
import type { SynthesizedStack } from "../compliance/rules/evaluate-rules";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { buildLandingZone } from "../stacks/landing-zone";
import { synthesizeAtomically } from "./synthesize-atomically";

export interface SynthesizedLandingZone {
  /** In manifest order, with their Terraform JSON. */
  readonly stacks: SynthesizedStack[];
  /** Stack names in the order they are first deployed (bootstrap first). */
  readonly deployOrder: string[];
  /** Stacks of the previous output that are no longer synthesized; their folders were removed. */
  readonly droppedStacks: readonly string[];
}

/**
 * What `npm run synth` does once the config is valid: build every stack, check the rule pack and
 * write the evidence, all into a staging folder that replaces `outdir` only on success (keeping
 * what Terraform and users put beside the synthesized files; see synthesizeAtomically).
 */
export function synthesizeLandingZone(
  config: LandingZoneConfig,
  outdir: string,
): SynthesizedLandingZone {
  let stacks: SynthesizedStack[] = [];
  let deployOrder: string[] = [];
  const { droppedStacks } = synthesizeAtomically(
    outdir,
    (app) => (deployOrder = buildLandingZone(app, config).map((stack) => stack.node.id)),
    (app, staged) => (stacks = enforceGuardrails(app, staged, config)),
  );
  return { stacks, deployOrder, droppedStacks };
}
