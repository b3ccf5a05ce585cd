import type { ManagedConfigRule } from "../../modules/aws-config/soc2-config-rules";
import { markdownTable } from "./markdown-table";

/** The conformance pack's rules with the criteria each supports, for the evidence. */
export function renderConfigRules(rules: readonly ManagedConfigRule[]): string {
  return [
    "# AWS Config conformance pack",
    "",
    "AWS managed Config rules deployed to every account of the organization; results aggregate in the audit account.",
    "",
    ...markdownTable(
      ["rule", "criteria", "parameters"],
      rules.map((rule) => [
        rule.identifier,
        rule.criteria.join(", ") || "—",
        Object.entries(rule.parameters ?? {})
          .map(([name, value]) => `${name}=${value}`)
          .join(", ") || "—",
      ]),
    ),
    "",
  ].join("\n");
}
