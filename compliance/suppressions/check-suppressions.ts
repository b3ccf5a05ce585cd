import type { SemanticCheck } from "../../environments/checks/semantic-check";
import { didYouMean } from "../../environments/loader/did-you-mean";
import type { ConfigProblem } from "../../environments/loader/config-problem";

/**
 * Suppressions must name a rule that exists and must not have lapsed: an expired exception
 * fails the synth until it is renewed (with a new justification) or the resource is fixed.
 */
export function checkSuppressions(ruleIds: readonly string[], today: string): SemanticCheck {
  return ({ organization }) => {
    if (!organization) return [];
    const { file, config } = organization;
    return config.compliance.suppressions.flatMap((suppression, index): ConfigProblem[] => {
      const path = ["compliance", "suppressions", index];
      const problems: ConfigProblem[] = [];
      if (!ruleIds.includes(suppression.rule)) {
        problems.push({
          file,
          path: [...path, "rule"],
          message: "is not a rule of the rule pack",
          received: suppression.rule,
          fix: `${didYouMean(suppression.rule, ruleIds)}The README lists every rule id.`,
        });
      }
      if (suppression.expires !== undefined && suppression.expires < today) {
        problems.push({
          file,
          path: [...path, "expires"],
          message: `has passed (today is ${today})`,
          received: suppression.expires,
          fix: "Fix the resource and remove the suppression, or renew it with a new date and justification.",
        });
      }
      return problems;
    });
  };
}
