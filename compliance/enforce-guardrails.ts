import type { IConstruct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { NO_CLONES } from "../config/model/baseline-clones";
import type { BaselineClonePlan } from "../config/model/baseline-clones";
import { readSynthesizedStacks } from "./evidence/synth-output";
import { cloneDerivations } from "./clone-derivations";
import { writeEvidence } from "./evidence/write-evidence";
import { evaluateRules, GuardrailViolationError } from "./rules/evaluate-rules";
import type { SynthesizedStack } from "./rules/evaluate-rules";
import { RULE_PACK } from "./rules/rule-pack";
import { closingAccountSuppressions } from "./suppressions/closing-accounts";
import { pipelineRoleSuppressions } from "./suppressions/pipeline-roles";
import { privilegedPermissionSetSuppressions } from "./suppressions/privileged-permission-sets";

/**
 * Checks every synthesized stack against the rule pack and, when nothing is violated, writes
 * the evidence pack beside the stacks (unless told not to). Throws GuardrailViolationError
 * listing every violation.
 */
export function enforceGuardrails(
  app: IConstruct,
  outdir: string,
  config: LandingZoneConfig,
  options: {
    /** Baselines written from a template: their findings and evidence are derived. */
    readonly clones?: BaselineClonePlan;
    /**
     * Write the evidence pack. Off only where nothing reads it (`npm run affected` compares
     * stacks); the rule pack runs either way.
     * @default true
     */
    readonly evidence?: boolean;
  } = {},
): SynthesizedStack[] {
  const { clones = NO_CLONES, evidence = true } = options;
  const derivations = cloneDerivations(clones);
  const stacks = readSynthesizedStacks(
    outdir,
    new Map([...derivations.clones].map(([clone, { template }]) => [clone, template])),
  );
  const { compliance } = config.organization.config;
  const suppressions = [
    ...compliance.suppressions,
    ...pipelineRoleSuppressions(),
    ...privilegedPermissionSetSuppressions(config),
    ...closingAccountSuppressions(config),
  ];
  const findings = evaluateRules(stacks, RULE_PACK, compliance, suppressions, derivations);
  const violations = findings.filter((finding) => finding.status === "non-compliant");
  if (violations.length > 0) throw new GuardrailViolationError(violations);
  if (!evidence) return stacks;
  writeEvidence(outdir, {
    app,
    derivations,
    config,
    stacks,
    rules: RULE_PACK,
    findings,
  });
  return stacks;
}
