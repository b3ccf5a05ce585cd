import { block, blocks, expectThat } from "./rule";
import type { Rule } from "./rule";

const ACL = ["aws_wafv2_web_acl"];
const KNOWN_BAD_INPUTS_RULE_SET = "AWSManagedRulesKnownBadInputsRuleSet";

export const WAF_RULES: readonly Rule[] = [
  {
    id: "LZ-WAF-001",
    criteria: ["CC7.2"],
    title: "Web ACLs log their requests",
    fix: "Add an aws_wafv2_web_acl_logging_configuration for the ACL.",
    appliesTo: ACL,
    check: (acl, context) =>
      expectThat(
        context.referencing("aws_wafv2_web_acl_logging_configuration", "resource_arn", acl).length >
          0,
        "has no logging",
      ),
  },
  {
    id: "LZ-WAF-002",
    criteria: ["CC6.6"],
    title: "Web ACLs have rules",
    fix: "Add at least one rule; an empty ACL only applies its default action.",
    appliesTo: ACL,
    check: (acl) => expectThat(blocks(acl.body.rule).length > 0, "has no rules"),
  },
  {
    id: "LZ-WAF-003",
    criteria: ["CC6.6", "CC6.8"],
    title: "Web ACLs block known bad inputs",
    fix: `Add the AWS managed rule group ${KNOWN_BAD_INPUTS_RULE_SET}.`,
    appliesTo: ACL,
    check: (acl) =>
      expectThat(
        blocks(acl.body.rule).some(
          (rule) =>
            block(block(rule.statement)?.managed_rule_group_statement)?.name ===
            KNOWN_BAD_INPUTS_RULE_SET,
        ),
        `does not use ${KNOWN_BAD_INPUTS_RULE_SET}`,
      ),
  },
];
