import type { IConstruct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { readSynthesizedStacks } from "./evidence/synth-output";
import { writeEvidence } from "./evidence/write-evidence";
import { evaluateRules, GuardrailViolationError } from "./rules/evaluate-rules";
import type { SynthesizedStack } from "./rules/evaluate-rules";
import { RULE_PACK } from "./rules/rule-pack";
import { closingAccountSuppressions } from "./suppressions/closing-accounts";
import { pipelineRoleSuppressions } from "./suppressions/pipeline-roles";
import { privilegedPermissionSetSuppressions } from "./suppressions/privileged-permission-sets";

/**
 * Checks every synthesized stack against the rule pack and, when nothing is violated, writes
 * the evidence pack beside the stacks. Throws GuardrailViolationError listing every violation.
 */
export function enforceGuardrails(
  app: IConstruct,
  outdir: string,
  config: LandingZoneConfig,
): SynthesizedStack[] {
  const stacks = readSynthesizedStacks(outdir);
  const { compliance } = config.organization.config;
  const suppressions = [
    ...compliance.suppressions,
    ...pipelineRoleSuppressions(),
    ...privilegedPermissionSetSuppressions(config),
    ...closingAccountSuppressions(config),
  ];
  const findings = evaluateRules(stacks, RULE_PACK, compliance, suppressions);
  const violations = findings.filter((finding) => finding.status === "non-compliant");
  if (violations.length > 0) throw new GuardrailViolationError(violations);
  writeEvidence(outdir, { app, config, stacks, rules: RULE_PACK, findings });
  return stacks;
}
