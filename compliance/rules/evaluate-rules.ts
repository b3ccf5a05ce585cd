import picomatch from "picomatch";
import type { SuppressionConfig } from "../../config/schema/compliance-schema";
import { resourcesByType } from "./rule";
import type { ResourceRef, Rule, RuleContext, RuleSettings, TerraformJson } from "./rule";

export interface SynthesizedStack {
  readonly name: string;
  readonly json: TerraformJson;
}

export interface Finding {
  readonly rule: Rule;
  readonly stack: string;
  readonly address: string;
  readonly status: "compliant" | "non-compliant" | "not-applicable" | "suppressed";
  readonly message?: string;
  readonly suppression?: SuppressionConfig;
}

function resourcesOf(json: TerraformJson, type: string): ResourceRef[] {
  return Object.entries(resourcesByType(json)[type] ?? {}).map(([name, body]) => ({
    type,
    name,
    address: `${type}.${name}`,
    body,
  }));
}

function contextFor(stack: SynthesizedStack, settings: RuleSettings): RuleContext {
  return {
    stackName: stack.name,
    settings,
    resourcesOf: (type) => resourcesOf(stack.json, type),
    referencing: (type, attribute, target, targetName) =>
      resourcesOf(stack.json, type).filter(({ body }) => {
        const value = body[attribute];
        if (typeof value !== "string") return false;
        return (
          value.includes(`\${${target.address}.`) ||
          value === `\${${target.address}}` ||
          (targetName !== undefined && value === targetName)
        );
      }),
  };
}

/**
 * Runs every rule on every resource it applies to. A non-compliant finding that a suppression
 * covers becomes "suppressed" and carries the suppression, for the evidence.
 */
export function evaluateRules(
  stacks: readonly SynthesizedStack[],
  rules: readonly Rule[],
  settings: RuleSettings,
  suppressions: readonly SuppressionConfig[],
): Finding[] {
  const matchers = suppressions.map((suppression) => ({
    suppression,
    matches: picomatch(suppression.resource),
  }));
  return stacks.flatMap((stack) => {
    const context = contextFor(stack, settings);
    return rules.flatMap((rule) =>
      rule.appliesTo.flatMap((type) =>
        context.resourcesOf(type).map((resource): Finding => {
          const result = rule.check(resource, context);
          const base = { rule, stack: stack.name, address: resource.address };
          if (result.status !== "non-compliant") return { ...base, status: result.status };
          const match = matchers.find(
            ({ suppression, matches }) =>
              suppression.rule === rule.id && matches(`${stack.name}/${resource.address}`),
          );
          return match
            ? {
                ...base,
                status: "suppressed",
                message: result.message,
                suppression: match.suppression,
              }
            : { ...base, status: "non-compliant", message: result.message };
        }),
      ),
    );
  });
}

export class GuardrailViolationError extends Error {
  constructor(readonly violations: readonly Finding[]) {
    super(
      `${violations.length} guardrail violation${violations.length === 1 ? "" : "s"}; nothing was written.\n` +
        violations
          .map(
            (finding) =>
              `  - ${finding.stack} ${finding.address}: ${finding.rule.id} ${finding.message}. Fix: ${finding.rule.fix}`,
          )
          .join("\n") +
        "\nFix the resources, or add a justified suppression under compliance.suppressions in organization.yaml.",
    );
    this.name = "GuardrailViolationError";
  }
}
