import { awsPrincipals, hasCondition, statementsOf } from "./policy-statements";
import { expectThat, isSetString } from "./rule";
import type { ResourceRef, Rule, RuleContext } from "./rule";

const KEY = ["aws_kms_key"];

function keyPolicies(key: ResourceRef, context: RuleContext): string[] {
  const separate = context
    .referencing("aws_kms_key_policy", "key_id", key)
    .map((policy) => policy.body.policy);
  return [key.body.policy, ...separate].filter(isSetString);
}

export const KMS_RULES: readonly Rule[] = [
  {
    id: "LZ-KMS-001",
    criteria: ["CC6.1", "CC6.7"],
    title: "Customer-managed keys rotate",
    fix: "Set enable_key_rotation = true; KmsKey does.",
    appliesTo: KEY,
    check: (key) => expectThat(key.body.enable_key_rotation === true, "does not rotate"),
  },
  {
    id: "LZ-KMS-002",
    criteria: ["CC6.1"],
    title: "Every key has an explicit key policy",
    fix: "Give the key a policy (KmsKey's policy prop) instead of relying on the default policy.",
    appliesTo: KEY,
    check: (key, context) => expectThat(keyPolicies(key, context).length > 0, "has no key policy"),
  },
  {
    id: "LZ-KMS-003",
    criteria: ["CC6.1", "CC6.3"],
    title: "Key policies grant nothing to a wildcard principal without a condition",
    fix: "Replace Principal * with named principals, or add a condition such as aws:PrincipalOrgID.",
    appliesTo: KEY,
    check: (key, context) => {
      const open = keyPolicies(key, context)
        .flatMap(statementsOf)
        .filter(
          (statement) =>
            statement.Effect === "Allow" &&
            awsPrincipals(statement).includes("*") &&
            !hasCondition(statement),
        );
      return expectThat(open.length === 0, "allows a wildcard principal without a condition");
    },
  },
  {
    id: "LZ-KMS-004",
    criteria: ["A1.2", "CC6.1"],
    title: "Keys wait 30 days before deletion",
    fix: "Set deletion_window_in_days = 30, the longest window to undo a mistaken deletion.",
    appliesTo: KEY,
    check: (key) =>
      expectThat(
        (key.body.deletion_window_in_days ?? 30) === 30,
        `has a deletion window of ${(key.body.deletion_window_in_days as number | undefined) ?? 30} days`,
      ),
  },
];
