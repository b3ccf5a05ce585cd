import type { SuppressionConfig } from "../../config/schema/compliance-schema";
import type { Finding } from "../rules/evaluate-rules";
import type { Rule } from "../rules/rule";
import { markdownTable } from "./markdown-table";

export interface RuleResultEvidence {
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly string[];
  readonly passed: number;
  readonly notApplicable: number;
  readonly exceptions: readonly {
    readonly stack: string;
    readonly address: string;
    readonly finding: string;
    readonly justification: string;
    readonly expires: string | null;
  }[];
}

export function buildRuleResults(
  rules: readonly Rule[],
  findings: readonly Finding[],
): RuleResultEvidence[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule.id);
    if (list) list.push(finding);
    else byRule.set(finding.rule.id, [finding]);
  }
  return rules.map((rule) => {
    const mine = byRule.get(rule.id) ?? [];
    return {
      id: rule.id,
      title: rule.title,
      criteria: rule.criteria,
      passed: mine.filter((finding) => finding.status === "compliant").length,
      notApplicable: mine.filter((finding) => finding.status === "not-applicable").length,
      exceptions: mine
        .filter((finding) => finding.status === "suppressed")
        .map((finding) => ({
          stack: finding.stack,
          address: finding.address,
          finding: finding.message ?? "",
          justification: finding.suppression!.justification,
          expires: finding.suppression!.expires ?? null,
        })),
    };
  });
}

/** Suppressions that matched nothing: stale exceptions to remove from config. */
export function unusedSuppressions(
  suppressions: readonly SuppressionConfig[],
  findings: readonly Finding[],
): SuppressionConfig[] {
  return suppressions.filter(
    (suppression) => !findings.some((finding) => finding.suppression === suppression),
  );
}

export function renderRuleResults(
  results: readonly RuleResultEvidence[],
  unused: readonly SuppressionConfig[] = [],
): string {
  const exceptions = results.flatMap((result) =>
    result.exceptions.map((exception) => ({ rule: result.id, ...exception })),
  );
  return [
    "# Guardrail rule results",
    "",
    "Every rule ran on every resource of every stack; a violation would have failed the synth.",
    "",
    ...markdownTable(
      ["rule", "title", "criteria", "passed", "not applicable", "exceptions"],
      results.map((result) => [
        result.id,
        result.title,
        result.criteria.join(", "),
        String(result.passed),
        String(result.notApplicable),
        String(result.exceptions.length),
      ]),
    ),
    "",
    "## Exceptions",
    "",
    exceptions.length === 0
      ? "None."
      : markdownTable(
          ["rule", "stack", "resource", "finding", "justification", "expires"],
          exceptions.map((exception) => [
            exception.rule,
            exception.stack,
            `\`${exception.address}\``,
            exception.finding,
            exception.justification,
            exception.expires ?? "never",
          ]),
        ).join("\n"),
    "",
    "## Suppressions that matched nothing",
    "",
    unused.length === 0
      ? "None."
      : unused
          .map(
            (suppression) =>
              `- ${suppression.rule} on \`${suppression.resource}\`: remove it from config.`,
          )
          .join("\n"),
    "",
  ].join("\n");
}
