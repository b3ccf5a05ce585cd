import type { Rule } from "../../compliance/rules/rule";
import { markdownTable } from "../../compliance/evidence/markdown-table";

/** The guardrail rules as a table: id, what each checks, and the criteria it serves. */
export function ruleTable(rules: readonly Rule[]): string[] {
  return markdownTable(
    ["rule", "checks", "criteria"],
    rules.map((rule) => [rule.id, rule.title, rule.criteria.join(", ")]),
  );
}
