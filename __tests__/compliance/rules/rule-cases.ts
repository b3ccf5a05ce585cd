import { evaluateRules } from "../../../compliance/rules/evaluate-rules";
import type { Finding } from "../../../compliance/rules/evaluate-rules";
import type { Rule, TerraformJson } from "../../../compliance/rules/rule";
import { RULE_PACK } from "../../../compliance/rules/rule-pack";

/** A stack's resources by type, then by name; the resource under test is named "subject". */
export type Resources = Record<string, Record<string, TerraformJson>>;

/** One resource type a rule applies to: a compliant configuration and a non-compliant one. */
export interface RuleCase {
  readonly compliant: Resources;
  readonly nonCompliant: Resources;
  readonly message: string;
}

const settings = { minimumLogRetentionDays: 365, minimumBackupRetentionDays: 35 };

/** A reference to an attribute of another resource of the test stack. */
export const ref = (address: string, attribute = "id") => `\${${address}.${attribute}}`;

/** The finding of one rule, from the pack, on the resource named "subject". */
export function resultOf(ruleId: string, resources: Resources): Finding {
  const rule = RULE_PACK.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`${ruleId} is not in RULE_PACK`);
  const findings = evaluateRules(
    [{ name: "test", json: { resource: resources } }],
    [rule],
    settings,
    [],
  );
  const subject = findings.filter((finding) => finding.address.endsWith(".subject"));
  expect(subject).toHaveLength(1);
  return subject[0];
}

function subjectType(resources: Resources): string | undefined {
  return Object.keys(resources).find((type) => resources[type].subject !== undefined);
}

/**
 * Tests every rule of `rules`: each has cases, together covering every type it applies to, and
 * each case passes its compliant subject and flags its non-compliant one with the message.
 */
export function testRuleCases(rules: readonly Rule[], cases: Record<string, readonly RuleCase[]>) {
  test("every rule is in the pack and has a case for every type it applies to", () => {
    expect(Object.keys(cases).sort()).toEqual(rules.map((rule) => rule.id).sort());
    for (const rule of rules) {
      expect(RULE_PACK).toContain(rule);
      const types = cases[rule.id].flatMap(({ compliant, nonCompliant }) => {
        expect(subjectType(compliant)).toBe(subjectType(nonCompliant));
        return [subjectType(nonCompliant)];
      });
      expect([...new Set(types)].sort()).toEqual([...rule.appliesTo].sort());
    }
  });

  const table = Object.entries(cases).flatMap(([ruleId, ruleCases]) =>
    ruleCases.map((ruleCase) => ({
      ruleId,
      type: subjectType(ruleCase.nonCompliant),
      ...ruleCase,
    })),
  );
  describe.each(table)("$ruleId on $type", ({ ruleId, compliant, nonCompliant, message }) => {
    test("passes a compliant resource", () => {
      expect(resultOf(ruleId, compliant).status).toBe("compliant");
    });
    test(`flags a non-compliant one: ${message}`, () => {
      expect(resultOf(ruleId, nonCompliant)).toMatchObject({ status: "non-compliant", message });
    });
  });
}
