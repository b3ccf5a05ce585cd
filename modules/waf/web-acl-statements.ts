/**
 * Typed builders for WAFv2 rule statements. The provider bindings leave `rule.statement`
 * untyped and pass it through as-is, so it must be written in Terraform's snake_case; these
 * builders are the only place that spells it.
 */

export interface ManagedRuleGroupStatement {
  readonly managed_rule_group_statement: { readonly name: string; readonly vendor_name: string };
}

export interface RateBasedStatement {
  readonly rate_based_statement: { readonly limit: number; readonly aggregate_key_type: "IP" };
}

export interface IpSetReferenceStatement {
  readonly ip_set_reference_statement: { readonly arn: string };
}

export type WafStatement = ManagedRuleGroupStatement | RateBasedStatement | IpSetReferenceStatement;

export function managedRuleGroup(name: string, vendorName = "AWS"): ManagedRuleGroupStatement {
  return { managed_rule_group_statement: { name, vendor_name: vendorName } };
}

/** Blocks an IP that sends more than `limit` requests in five minutes. */
export function rateLimit(limit: number): RateBasedStatement {
  if (!Number.isInteger(limit) || limit < 10)
    throw new Error(`A WAF rate limit must be a whole number of at least 10, got ${limit}`);
  return { rate_based_statement: { limit, aggregate_key_type: "IP" } };
}

export function ipSetReference(arn: string): IpSetReferenceStatement {
  return { ip_set_reference_statement: { arn } };
}

/** AWS managed rule groups every web ACL uses; the anonymous IP list is optional. */
export const AWS_MANAGED_RULE_GROUPS = {
  common: "AWSManagedRulesCommonRuleSet",
  knownBadInputs: "AWSManagedRulesKnownBadInputsRuleSet",
  sqlInjection: "AWSManagedRulesSQLiRuleSet",
  ipReputation: "AWSManagedRulesAmazonIpReputationList",
  anonymousIp: "AWSManagedRulesAnonymousIpList",
} as const;
