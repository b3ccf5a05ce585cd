import {
  ipSetReference,
  managedRuleGroup,
  rateLimit,
} from "../../../modules/waf/web-acl-statements";

test("statements are written in Terraform's snake_case, since the bindings pass them through untyped", () => {
  expect(managedRuleGroup("AWSManagedRulesKnownBadInputsRuleSet")).toEqual({
    managed_rule_group_statement: {
      name: "AWSManagedRulesKnownBadInputsRuleSet",
      vendor_name: "AWS",
    },
  });
  expect(rateLimit(2000)).toEqual({
    rate_based_statement: { limit: 2000, aggregate_key_type: "IP" },
  });
  expect(ipSetReference("arn:aws:wafv2:us-east-1:1:regional/ipset/x/y")).toEqual({
    ip_set_reference_statement: { arn: "arn:aws:wafv2:us-east-1:1:regional/ipset/x/y" },
  });
});

test.each([9, 100.5])("a rate limit of %p is refused with the value", (limit) => {
  expect(() => rateLimit(limit)).toThrow(
    `A WAF rate limit must be a whole number of at least 10, got ${limit}`,
  );
});
