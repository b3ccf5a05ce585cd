import type { CriterionId } from "../../../compliance/criteria/trust-services-criteria";
import type { ConditionBlock, PolicyStatement } from "../../iam/policy-document";

export type OrganizationPolicyType =
  "SERVICE_CONTROL_POLICY" | "RESOURCE_CONTROL_POLICY" | "TAG_POLICY" | "BACKUP_POLICY";

/** One organization policy, ready to create, check and describe. */
export interface OrganizationPolicy {
  readonly name: string;
  readonly type: OrganizationPolicyType;
  readonly description: string;
  readonly criteria: readonly CriterionId[];
  /** The document as AWS receives it (before JSON encoding). */
  readonly content: object;
  /** One line per statement or rule, for the inventory. */
  readonly summary: readonly string[];
}

/** What the policy builders need to know about the organization. */
export interface PolicyContext {
  readonly partition: string;
  readonly resourcePrefix: string;
  readonly governedRegions: readonly string[];
  /**
   * Principals exempt from protective statements, as aws:PrincipalArn patterns in any account:
   * the roles that deploy the landing zone, and break-glass sessions.
   */
  readonly exemptPrincipalArns: readonly string[];
  /** The same principals as the inventory names them: roles by name, and the break-glass set. */
  readonly exemptPrincipalNames: readonly string[];
  /** Roles the guardrails keep others from changing: the access role and the pipeline roles. */
  readonly protectedRoleNames: readonly string[];
  /** The organization id, or a Terraform reference to it. */
  readonly organizationId: string;
}

/** A statement with the one-line summary the inventory shows for it. */
export interface DescribedStatement {
  readonly summary: string;
  readonly statement: PolicyStatement;
}

/** Builds a Version 2012-10-17 document from described statements. */
export function describedPolicy(
  base: Omit<OrganizationPolicy, "content" | "summary">,
  statements: readonly DescribedStatement[],
): OrganizationPolicy {
  return {
    ...base,
    content: { Version: "2012-10-17", Statement: statements.map((entry) => entry.statement) },
    summary: statements.map((entry) => entry.summary),
  };
}

/** `aws:PrincipalArn` is not one of the exempt principals, in any account of the organization. */
export function unlessExempt(context: PolicyContext): ConditionBlock {
  return { ArnNotLike: { "aws:PrincipalArn": context.exemptPrincipalArns } };
}

/**
 * As unlessExempt, and not in a centralized root session either: for the few tasks AWS lets a
 * root session do (its task policy bounds it), such as unlocking a bucket policy that denies
 * everyone. The plain root user shares the ARN but is denied everything by organization-integrity
 * at the root of the organization, so only root sessions pass.
 */
export function unlessExemptOrRootSession(context: PolicyContext): ConditionBlock {
  return {
    ArnNotLike: {
      "aws:PrincipalArn": [...context.exemptPrincipalArns, `arn:${context.partition}:iam::*:root`],
    },
  };
}

/** Merges condition blocks; operators combine with AND, as IAM evaluates them. */
export function allOf(...blocks: ConditionBlock[]): ConditionBlock {
  const merged: Record<string, Record<string, string | boolean | number | readonly string[]>> = {};
  for (const block of blocks) {
    for (const [operator, keys] of Object.entries(block))
      merged[operator] = { ...merged[operator], ...keys };
  }
  return merged;
}
