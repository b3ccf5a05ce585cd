import { z } from "zod";

/** Categories a config may add; security, the common criteria, is always in scope. */
const OPTIONAL_CATEGORIES = [
  "availability",
  "confidentiality",
  "processing-integrity",
  "privacy",
] as const;
export type CriterionCategory = "security" | (typeof OPTIONAL_CATEGORIES)[number];

/** Owners of the criteria no infrastructure can meet: policies, training, vendor reviews. */
const ORGANIZATIONAL_AREAS = [
  "informationSecurityPolicy",
  "accessControlPolicy",
  "changeManagementPolicy",
  "riskAssessment",
  "incidentResponse",
  "businessContinuity",
  "training",
  "vendorReviews",
] as const;
export type OrganizationalArea = (typeof ORGANIZATIONAL_AREAS)[number];

const Owner = z.string().min(1).max(256).describe("Person or team accountable, with a contact.");

const SuppressionSchema = z.strictObject({
  rule: z
    .string()
    .regex(/^LZ-[A-Z0-9]+-\d{3}$/, { error: "is not a rule id such as LZ-S3-006" })
    .describe("Id of the rule to suppress, such as LZ-S3-006."),
  resource: z
    .string()
    .min(1)
    .describe('Resource as <stack>/<type>.<name>; globs allowed: "bootstrap/aws_s3_bucket.*".'),
  justification: z
    .string()
    .trim()
    .min(20, {
      error: "is too short to justify an exception to an auditor (20 characters at least)",
    })
    .describe(
      "Why the exception is acceptable and what compensates for it; shown in the evidence.",
    ),
  expires: z.iso
    .date({ error: "is not a date in YYYY-MM-DD form" })
    .optional()
    .describe(
      "Date after which the exception lapses and synth fails until it is renewed or fixed.",
    ),
});

const ApprovedDestroySchema = z.strictObject({
  stack: z.string().min(1).describe("Stack of the resource."),
  address: z
    .string()
    .min(1)
    .describe("Terraform address of the resource that may be deleted or replaced."),
  approvedBy: z.string().min(1).describe("Who approved the deletion."),
  reason: z
    .string()
    .trim()
    .min(20, {
      error: "is too short to justify deleting a protected resource (20 characters at least)",
    })
    .describe("Why the deletion is acceptable; kept with the change record."),
});

export const ComplianceConfigSchema = z
  .strictObject({
    categories: z
      .array(z.enum(OPTIONAL_CATEGORIES))
      .default([])
      .describe("Optional Trust Services categories in scope; security is always in scope."),
    owners: z
      .strictObject(
        Object.fromEntries(ORGANIZATIONAL_AREAS.map((area) => [area, Owner])) as Record<
          OrganizationalArea,
          typeof Owner
        >,
      )
      .describe("Owners of the organizational criteria: policies, training and vendor reviews."),
    minimumLogRetentionDays: z
      .number()
      .int()
      .min(365, { error: "is below the 365 days SOC 2 auditors expect for logs" })
      .default(365)
      .describe("Least retention, in days, for CloudWatch log groups."),
    evidenceRetentionDays: z
      .number()
      .int()
      .min(1)
      .max(36500)
      .optional()
      .describe(
        "Days each evidence snapshot in the evidence bucket is immutable (S3 Object Lock, compliance mode); at least minimumLogRetentionDays. Default: minimumLogRetentionDays.",
      ),
    minimumBackupRetentionDays: z
      .number()
      .int()
      .min(1)
      .default(35)
      .describe("Least retention, in days, of every backup rule and copy."),
    approvedDestroys: z
      .array(ApprovedDestroySchema)
      .default([])
      .describe(
        "Deletions of protected resources that plan-evidence --fail-on-destroy lets through.",
      ),
    suppressions: z
      .array(SuppressionSchema)
      .default([])
      .describe("Accepted exceptions to guardrail rules, each justified; listed in the evidence."),
  })
  .describe("SOC 2 scope, owners of organizational criteria, and rule suppressions.");

export type ComplianceConfig = z.output<typeof ComplianceConfigSchema>;
export type SuppressionConfig = ComplianceConfig["suppressions"][number];
