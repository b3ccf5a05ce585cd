import { z } from "zod";
import { FindingAlertsSchema, SecurityHubTuningSchema } from "./security-findings-schema";

/** Retention values CloudWatch Logs accepts. */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

export const LoggingConfigSchema = z
  .strictObject({
    retentionYears: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(7)
      .describe("Years CloudTrail and Config logs are kept in the log archive before they expire."),
    objectLockDays: z
      .number()
      .int()
      .min(1)
      .max(36500)
      .default(365)
      .describe(
        "Days each log object is immutable (S3 Object Lock, compliance mode): nobody can delete it sooner.",
      ),
    transitionToGlacierDays: z
      .number()
      .int()
      .min(30)
      .default(90)
      .describe("Days after which logs move to Glacier Flexible Retrieval."),
    cloudWatchRetentionDays: z
      .number()
      .refine((days) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(days), {
        error: `is not a retention CloudWatch Logs accepts (${CLOUDWATCH_RETENTION_DAYS.join(", ")})`,
      })
      .optional()
      .describe(
        "Days the trail's CloudWatch log group keeps events; at least compliance.minimumLogRetentionDays. Default: the shortest retention CloudWatch Logs accepts that meets that minimum.",
      ),
    s3DataEvents: z
      .array(
        z.string().regex(/^arn:aws[\w-]*:s3:::[a-z0-9.-]+\/.*$/, {
          error: 'is not an S3 object ARN prefix such as "arn:aws:s3:::bucket/"',
        }),
      )
      .default([])
      .describe("S3 object-level (data) events to record, by bucket ARN prefix."),
    advancedEventSelectors: z
      .array(
        z.strictObject({
          name: z.string().min(1).describe("Name of the selector, shown in CloudTrail."),
          fieldSelectors: z
            .array(
              z.strictObject({
                field: z
                  .string()
                  .min(1)
                  .describe("CloudTrail field to match, such as eventCategory or resources.type."),
                equals: z.array(z.string()).optional().describe("Values the field equals."),
                startsWith: z
                  .array(z.string())
                  .optional()
                  .describe("Prefixes the field starts with."),
                notEquals: z
                  .array(z.string())
                  .optional()
                  .describe("Values the field must not equal."),
              }),
            )
            .min(1)
            .describe("Conditions an event must all meet to be recorded."),
        }),
      )
      .default([])
      .describe(
        "Advanced event selectors, added to the management events the trail always records.",
      ),
  })
  .describe("The log archive, the organization trail and its CloudWatch Logs delivery.");

const Toggle = z.boolean().default(true);

export const SecurityServicesConfigSchema = z
  .strictObject({
    guardDuty: z
      .strictObject({
        s3Protection: Toggle.describe("S3 data events: suspicious access to objects."),
        eksProtection: Toggle.describe("EKS audit logs."),
        malwareProtection: Toggle.describe("Malware scans of EC2 volumes on a finding."),
        rdsProtection: Toggle.describe("RDS (Aurora) login activity."),
        lambdaProtection: Toggle.describe("Lambda network activity."),
        runtimeMonitoring: Toggle.describe("Runtime monitoring of EC2, ECS and EKS workloads."),
      })
      .default({
        s3Protection: true,
        eksProtection: true,
        malwareProtection: true,
        rdsProtection: true,
        lambdaProtection: true,
        runtimeMonitoring: true,
      })
      .describe("GuardDuty protection plans, auto-enabled for every account."),
    unusedAccessAnalyzer: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Create the unused-access analyzer."),
        unusedAccessAgeDays: z
          .number()
          .int()
          .min(1)
          .max(365)
          .default(90)
          .describe("Days without use after which access is reported as unused."),
      })
      .default({ enabled: true, unusedAccessAgeDays: 90 })
      .describe("IAM Access Analyzer's organization unused-access analyzer."),
    macie: z.boolean().default(true).describe("Macie, organization-wide."),
    inspector: z
      .boolean()
      .default(true)
      .describe("Inspector (EC2, ECR, Lambda), organization-wide."),
    backupReporting: z
      .enum(["report-plan", "organization-policy"])
      .default("report-plan")
      .describe(
        "How backup jobs reach the audit account: Backup Audit Manager report plans there, or organization backup policies only.",
      ),
    additionalConfigRules: z
      .array(
        z.string().regex(/^[A-Z0-9_]+$/, {
          error:
            "is not an AWS managed Config rule identifier such as S3_BUCKET_VERSIONING_ENABLED",
        }),
      )
      .default([])
      .describe("AWS managed Config rules to add to the SOC 2 conformance pack."),
    securityHub: SecurityHubTuningSchema.default({ disabledControls: [] }),
    alerts: FindingAlertsSchema.optional(),
  })
  .describe("Security services, delegated to the audit account.");
