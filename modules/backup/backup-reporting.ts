import { owningAccountStatement } from "../kms/key-policy-statements";
import { BackupGlobalSettings } from "@cdktf/provider-aws/lib/backup-global-settings";
import { BackupReportPlan } from "@cdktf/provider-aws/lib/backup-report-plan";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import type { TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { policyDocument } from "../iam/policy-document";
import { KmsKey } from "../kms/kms-key";
import { AccessLogBucket } from "../storage/access-log-bucket";
import { SecureBucket } from "../storage/secure-bucket";

export const BACKUP_REPORTING_CONTROL = defineControl({
  id: "backup-reporting",
  description:
    "Every account's backup and copy jobs are reported daily to the audit account, as recovery evidence",
  criteria: ["A1.2", "A1.3", "CC4.1"],
});

export interface BackupReportingProps {
  readonly namePrefix: string;
  readonly partition: string;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  readonly auditAccountId: string;
  readonly managementAccountId: string;
  readonly rootId: string;
  /** The delegated-administrator registration for AWS Backup. */
  readonly delegation: TerraformResource;
  readonly management: TerraformProvider;
}

/**
 * Backup Audit Manager reports of every account's backup and copy jobs, made in the audit account
 * (the delegated administrator) into an encrypted reports bucket there.
 */
export class BackupReporting extends Construct {
  constructor(scope: Construct, id: string, props: BackupReportingProps) {
    super(scope, id);
    implementsControl(this, BACKUP_REPORTING_CONTROL);
    const { partition, auditAccountId } = props;
    // Cross-account monitoring is an organization setting, made in the management account.
    new BackupGlobalSettings(this, "cross-account-monitoring", {
      provider: props.management,
      globalSettings: { isCrossAccountBackupEnabled: "true" },
    });
    // The key and bucket policies name this role, and IAM refuses a principal that doesn't
    // exist yet: on a new organization nothing else creates it before the first report.
    const reportsRole = new IamServiceLinkedRole(this, "reports-service-linked-role", {
      awsServiceName: "reports.backup.amazonaws.com",
      description: "Lets Backup Audit Manager write reports to the audit account's bucket",
    }).arn;
    const bucketName = `${props.namePrefix}-backup-reports-${props.managementAccountId}`;
    const key = new KmsKey(this, "key", {
      alias: `${props.namePrefix}/backup-reports`,
      description: "Encrypts AWS Backup reports",
      policy: policyDocument(owningAccountStatement(partition, auditAccountId), {
        Sid: "AllowBackupReports",
        Effect: "Allow",
        Principal: { AWS: reportsRole },
        Action: ["kms:GenerateDataKey*", "kms:Encrypt"],
        Resource: "*",
      }),
    });
    const accessLogs = new AccessLogBucket(this, "access-logs", {
      bucketName: `${props.namePrefix}-backup-reports-access-logs-${props.managementAccountId}`,
      partition,
      sourceAccountId: auditAccountId,
    });
    const bucket = new SecureBucket(this, "bucket", {
      bucketName,
      partition,
      kmsKey: key,
      accessLogs,
      archive: { transitionToGlacierDays: 90, expireAfterDays: 7 * 365 },
      additionalPolicyStatements: [
        {
          Sid: "AllowBackupReportsDelivery",
          Effect: "Allow",
          Principal: { AWS: reportsRole },
          Action: "s3:PutObject",
          Resource: `arn:${partition}:s3:::${bucketName}/*`,
        },
      ],
    });
    for (const template of ["BACKUP_JOB_REPORT", "COPY_JOB_REPORT", "RESTORE_JOB_REPORT"]) {
      new BackupReportPlan(this, template.toLowerCase().replaceAll("_", "-"), {
        region: props.homeRegion,
        name: `${props.namePrefix.replaceAll("-", "_")}_${template.toLowerCase()}`,
        description: `${template} for every account and governed region`,
        reportDeliveryChannel: { s3BucketName: bucketName, formats: ["CSV", "JSON"] },
        reportSetting: {
          reportTemplate: template,
          organizationUnits: [props.rootId],
          regions: [...props.regions],
        },
        dependsOn: [props.delegation, bucket.policy],
      });
    }
  }
}
