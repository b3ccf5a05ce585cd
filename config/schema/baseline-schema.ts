import ipaddr from "ipaddr.js";
import { z } from "zod";
import { AwsCron, DailyAwsCron } from "./aws-cron";
import { CLOUDWATCH_RETENTION_DAYS } from "./logging-schema";
import { Region } from "./primitives";

/** Operating systems with a patch baseline, as SSM names them. */
export const OPERATING_SYSTEMS = [
  "AMAZON_LINUX_2023",
  "UBUNTU",
  "WINDOWS",
  "REDHAT_ENTERPRISE_LINUX",
] as const;
export const COMPLIANCE_LEVELS = [
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "INFORMATIONAL",
  "UNSPECIFIED",
] as const;

const PatchingSchema = z
  .strictObject({
    operatingSystems: z
      .array(
        z.enum(OPERATING_SYSTEMS, {
          error: `is not an operating system with a baseline: ${OPERATING_SYSTEMS.join(", ")}`,
        }),
      )
      .min(1)
      .describe("Operating systems that get a patch baseline."),
    approveAfterDays: z
      .number()
      .int()
      .min(0, { error: "is below 0; SSM approves patches 0 to 360 days after release" })
      .max(360, { error: "is above 360; SSM approves patches 0 to 360 days after release" })
      .describe(
        "Days after release that patches are approved (dev 0, staging 3, prod 7). Ubuntu has no release dates: its rule approves by priority.",
      ),
    complianceLevel: z
      .enum(COMPLIANCE_LEVELS)
      .default("HIGH")
      .describe("Severity reported for missing approved patches."),
    approveNonSecurity: z
      .boolean()
      .default(false)
      .describe("Also approve non-security updates on Linux."),
    scanSchedule: DailyAwsCron.default("cron(0 2 ? * * *)").describe(
      "When instances are scanned for missing patches: once a day, every day (the evidence says daily), as an AWS cron expression such as cron(0 2 ? * * *).",
    ),
    installWindow: z
      .strictObject({
        schedule: AwsCron.describe(
          "Start of the weekly change window, when patches are installed.",
        ),
        durationHours: z
          .number()
          .int()
          .min(1)
          .max(24)
          .default(3)
          .describe("Length of the change window, in hours."),
        cutoffHours: z
          .number()
          .int()
          .min(0)
          .max(23)
          .default(1)
          .describe("Hours before the window ends after which no new installation starts."),
      })
      .describe("The environment's change window for installing patches."),
  })
  .describe("SSM patch management.");

/** The longest maximum retention AWS Backup Vault Lock accepts. */
const VAULT_LOCK_MAXIMUM_DAYS = 36_500;

const CopySchema = z.strictObject({
  region: Region.describe("Governed region the recovery points are copied to."),
  retentionDays: z.number().int().min(1).describe("Days copies are kept."),
  coldStorageAfterDays: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Days before copies move to cold storage."),
});

const BackupPlanSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,49}$/, { error: "must be a lowercase slug such as daily" })
    .describe("Plan name; resources tagged backup=<name> are selected."),
  schedule: AwsCron,
  startWindowMinutes: z
    .number()
    .int()
    .min(60)
    .default(60)
    .describe("Minutes a job may wait to start (at least 60)."),
  completionWindowMinutes: z.number().int().min(60).default(360).describe("Minutes a job may run."),
  retentionDays: z.number().int().min(1).describe("Days recovery points are kept."),
  coldStorageAfterDays: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      "Days before recovery points move to cold storage; retention must be at least 90 days more.",
    ),
  continuousBackup: z
    .boolean()
    .default(false)
    .describe("Point-in-time recovery for supported services (retention at most 35 days)."),
  copyTo: z
    .array(CopySchema)
    .default([])
    .describe("Cross-region copies, each with its own lifecycle."),
});

const Cidr = z.string().refine((cidr) => ipaddr.isValidCIDR(cidr), {
  error: "is not a CIDR block such as 203.0.113.0/24 or 2001:db8::/32",
});

const BackupSchema = z
  .strictObject({
    plans: z
      .array(BackupPlanSchema)
      .min(1)
      .describe("Backup plans; a resource tagged backup=<plan> joins it."),
    vaultLock: z
      .strictObject({
        minRetentionDays: z
          .number()
          .int()
          .min(1)
          .describe("Shortest retention the vault accepts, at least 1 day."),
        maxRetentionDays: z
          .number()
          .int()
          .min(1)
          .max(VAULT_LOCK_MAXIMUM_DAYS, {
            error: `is more than the ${VAULT_LOCK_MAXIMUM_DAYS.toLocaleString("en-US")} days (100 years) AWS Backup Vault Lock allows`,
          })
          .describe(
            `Longest retention the vault accepts, at most ${VAULT_LOCK_MAXIMUM_DAYS} days.`,
          ),
        changeableForDays: z
          .number()
          .int()
          .min(3)
          .default(3)
          .describe("Grace days before the lock becomes immutable (at least 3)."),
      })
      .optional()
      .describe(
        "Vault Lock in compliance mode: recovery points can't be deleted early, by anyone.",
      ),
    restoreTesting: z
      .strictObject({
        schedule: AwsCron,
        validationWindowHours: z
          .number()
          .int()
          .min(1)
          .max(168)
          .default(24)
          .describe("Hours a restored resource is kept for validation before it is deleted."),
      })
      .optional()
      .describe(
        "A restore testing plan that restores recent recovery points on a schedule, as recovery evidence.",
      ),
  })
  .describe("AWS Backup.");

const WafSchema = z
  .strictObject({
    cloudFront: z
      .boolean()
      .default(false)
      .describe("Also create a CLOUDFRONT-scope ACL in us-east-1."),
    rateLimit: z
      .number()
      .int()
      .min(10, { error: "is below the 10 requests per 5 minutes AWS WAF allows as a rate limit" })
      .max(2_000_000_000)
      .default(2000)
      .describe("Requests per 5 minutes per IP before the rate-based rule blocks."),
    anonymousIpList: z
      .boolean()
      .default(false)
      .describe("Block anonymizing services (VPNs, Tor, hosting providers)."),
    allowCidrs: z.array(Cidr).default([]).describe("Always allowed source CIDRs."),
    blockCidrs: z.array(Cidr).default([]).describe("Always blocked source CIDRs."),
    logRetentionDays: z
      .number()
      .refine((days) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(days), {
        error: `is not a retention CloudWatch Logs accepts (${CLOUDWATCH_RETENTION_DAYS.join(", ")})`,
      })
      .optional()
      .describe(
        "Days WAF logs are kept in CloudWatch Logs; at least compliance.minimumLogRetentionDays. Default: the shortest retention CloudWatch Logs accepts that meets that minimum.",
      ),
  })
  .describe("WAFv2 web ACLs for the environment's applications.");

export const BaselineSchema = z
  .strictObject({
    patching: PatchingSchema.optional(),
    backup: BackupSchema.optional(),
    waf: WafSchema.optional(),
  })
  .describe("Per-environment baseline settings.");

export type BaselineConfig = z.output<typeof BaselineSchema>;
export type BackupConfig = NonNullable<BaselineConfig["backup"]>;
export type BackupPlanConfig = BackupConfig["plans"][number];
export type WafConfig = NonNullable<BaselineConfig["waf"]>;
