import type { SemanticCheck } from "../../config/checks/semantic-check";
import { didYouMean } from "../../config/loader/did-you-mean";
import type { ConfigProblem } from "../../config/loader/config-problem";
import { ifReadable, readableItems } from "../../config/loader/salvage";

/**
 * Suppressions must name a rule that exists and must not have lapsed: an expired exception
 * fails the synth until it is renewed (with a new justification) or the resource is fixed.
 * Each field is checked on its own, so every suppression problem shows in one run.
 */
export function checkSuppressions(ruleIds: readonly string[], today: string): SemanticCheck {
  return ({ organization }) => {
    if (!organization) return [];
    const { file, config } = organization;
    const suppressions = ifReadable(() => config.compliance.suppressions, []);
    return readableItems(suppressions).flatMap(([suppression, index]): ConfigProblem[] => {
      const path = ["compliance", "suppressions", index];
      const unknownRule = (): ConfigProblem[] =>
        ruleIds.includes(suppression.rule)
          ? []
          : [
              {
                file,
                path: [...path, "rule"],
                message: "is not a rule of the rule pack",
                received: suppression.rule,
                fix: `${didYouMean(suppression.rule, ruleIds)}docs/guardrails.md lists every rule id.`,
              },
            ];
      const lapsed = (): ConfigProblem[] =>
        suppression.expires !== undefined && suppression.expires < today
          ? [
              {
                file,
                path: [...path, "expires"],
                message: `has passed (today is ${today})`,
                received: suppression.expires,
                fix: "Fix the resource and remove the suppression, or renew it with a new date and justification.",
              },
            ]
          : [];
      return [...ifReadable(unknownRule, []), ...ifReadable(lapsed, [])];
    });
  };
}
