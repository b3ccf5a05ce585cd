import { evaluateRules } from "../../compliance/rules/evaluate-rules";
import type { RuleSettings, TerraformJson } from "../../compliance/rules/rule";
import { RULE_PACK } from "../../compliance/rules/rule-pack";

/** The example organization's minimums (compliance in organization.yaml). */
const EXAMPLE_RULE_SETTINGS: RuleSettings = {
  minimumLogRetentionDays: 365,
  minimumBackupRetentionDays: 35,
};

/**
 * What the guardrail rule pack finds wrong in one synthesized construct, without suppressions,
 * as `<rule id> <address>: <message>` lines: an empty list means every rule that applies passes.
 */
export function ruleViolations(
  json: TerraformJson,
  settings: RuleSettings = EXAMPLE_RULE_SETTINGS,
): string[] {
  return evaluateRules([{ name: "construct", json }], RULE_PACK, settings, [])
    .filter((finding) => finding.status === "non-compliant")
    .map((finding) => `${finding.rule.id} ${finding.address}: ${finding.message}`);
}
