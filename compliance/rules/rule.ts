import type { CriterionId } from "../criteria/trust-services-criteria";

/** A synthesized stack's Terraform JSON, or a block in it: read each value as `unknown`. */
export type TerraformJson = Record<string, unknown>;

export interface ResourceRef {
  readonly type: string;
  readonly name: string;
  /** Terraform address inside its stack: aws_s3_bucket.state-bucket_bucket_1234ABCD */
  readonly address: string;
  readonly body: TerraformJson;
}

export interface RuleSettings {
  readonly minimumLogRetentionDays: number;
  readonly minimumBackupRetentionDays: number;
}

export interface RuleContext {
  readonly stackName: string;
  readonly settings: RuleSettings;
  /** Every resource of `type` in the stack. */
  resourcesOf(type: string): ResourceRef[];
  /**
   * Resources of `type` whose `attribute` refers to `target` (by reference or by literal name).
   * `targetName` is the target's name attribute as synthesized; only a string can match.
   */
  referencing(
    type: string,
    attribute: string,
    target: ResourceRef,
    targetName?: unknown,
  ): ResourceRef[];
}

export type RuleResult =
  | { readonly status: "compliant" }
  | { readonly status: "non-compliant"; readonly message: string }
  | { readonly status: "not-applicable" };

export interface Rule {
  readonly id: string;
  readonly criteria: readonly CriterionId[];
  readonly title: string;
  /** Why the rule exists and how to fix a violation. */
  readonly fix: string;
  /** Resource types the rule checks. */
  readonly appliesTo: readonly string[];
  check(resource: ResourceRef, context: RuleContext): RuleResult;
}

export const COMPLIANT: RuleResult = { status: "compliant" };
export const NOT_APPLICABLE: RuleResult = { status: "not-applicable" };
export function nonCompliant(message: string): RuleResult {
  return { status: "non-compliant", message };
}
/** Compliant when `ok`, else non-compliant with `message`. */
export function expectThat(ok: boolean, message: string): RuleResult {
  return ok ? COMPLIANT : nonCompliant(message);
}

/** An attribute that holds a value: a string or a reference token, not absent and not "". */
export function isSetString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** Terraform JSON writes single nested blocks as an object or a one-item list; read either. */
export function block(value: unknown): TerraformJson | undefined {
  if (Array.isArray(value)) return value[0] as TerraformJson | undefined;
  return value && typeof value === "object" ? (value as TerraformJson) : undefined;
}

export function blocks(value: unknown): TerraformJson[] {
  if (Array.isArray(value)) return value as TerraformJson[];
  return value && typeof value === "object" ? [value as TerraformJson] : [];
}

/** The stack's resources by type, then by name: the `resource` section of its Terraform JSON. */
export function resourcesByType(
  json: TerraformJson,
): Record<string, Record<string, TerraformJson>> {
  return (json.resource ?? {}) as Record<string, Record<string, TerraformJson>>;
}
