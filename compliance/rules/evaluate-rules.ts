import picomatch from "picomatch";
import type { SuppressionConfig } from "../../config/schema/compliance-schema";
import { resourcesByType } from "./rule";
import { NO_DERIVATIONS, perStack } from "../clone-derivations";
import type { CloneDerivations } from "../clone-derivations";
import type { ResourceRef, Rule, RuleContext, RuleSettings, TerraformJson } from "./rule";

export interface SynthesizedStack {
  readonly name: string;
  readonly json: TerraformJson;
  /** A cloned baseline's template: its JSON is the template's with the clone's fields. */
  readonly clonedFrom?: string;
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

/** One rule's result on one resource, before suppressions. */
interface RuleResult {
  readonly rule: Rule;
  readonly address: string;
  readonly status: Finding["status"];
  readonly message?: string;
}

function evaluateStack(
  stack: SynthesizedStack,
  rules: readonly Rule[],
  settings: RuleSettings,
): RuleResult[] {
  const context = contextFor(stack, settings);
  return rules.flatMap((rule) =>
    rule.appliesTo.flatMap((type) =>
      context.resourcesOf(type).map((resource): RuleResult => {
        const result = rule.check(resource, context);
        return result.status === "non-compliant"
          ? { rule, address: resource.address, status: result.status, message: result.message }
          : { rule, address: resource.address, status: result.status };
      }),
    ),
  );
}

/**
 * Runs every rule on every resource it applies to; a cloned baseline's results are its
 * template's with the clone's fields (see clone-derivations.ts). A non-compliant finding that a
 * suppression covers becomes "suppressed" and carries the suppression, for the evidence.
 */
export function evaluateRules(
  stacks: readonly SynthesizedStack[],
  rules: readonly Rule[],
  settings: RuleSettings,
  suppressions: readonly SuppressionConfig[],
  derivations: CloneDerivations = NO_DERIVATIONS,
): Finding[] {
  const matchers = suppressions.map((suppression) => ({
    suppression,
    matches: picomatch(suppression.resource),
  }));
  const results = perStack(
    stacks,
    derivations,
    "guardrail findings",
    (stack) => evaluateStack(stack, rules, settings),
    (fromTemplate, { substitute }) =>
      fromTemplate.map((result) => ({
        ...result,
        address: substitute(result.address),
        ...(result.message === undefined ? {} : { message: substitute(result.message) }),
      })),
  );
  return stacks.flatMap((stack, index) =>
    results[index].map(({ rule, address, status, message }): Finding => {
      const base = { rule, stack: stack.name, address };
      if (status !== "non-compliant") return { ...base, status };
      const match = matchers.find(
        ({ suppression, matches }) =>
          suppression.rule === rule.id && matches(`${stack.name}/${address}`),
      );
      return match
        ? { ...base, status: "suppressed", message, suppression: match.suppression }
        : { ...base, status: "non-compliant", message };
    }),
  );
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
