import { TerraformStack } from "cdktf";
import { retentionMeeting } from "../config/model/log-retention";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { partitionOf } from "../config/schema/primitives";
import { KmsKey } from "../modules/kms/kms-key";
import { breakGlassAlarm, CIS_ALARMS } from "../modules/logging/cis-alarm-patterns";
import {
  configBucketStatements,
  networkLogsBucketStatements,
  trailBucketStatements,
} from "../modules/logging/log-archive-bucket-policies";
import {
  configKeyPolicy,
  logsKeyPolicy,
  networkLogsKeyPolicy,
  trailKeyPolicy,
} from "../modules/logging/log-archive-key-policies";
import type { LogArchiveParties } from "../modules/logging/log-archive-key-policies";
import { logArchiveNames } from "../modules/logging/log-archive-names";
import { OrganizationTrail } from "../modules/logging/organization-trail";
import { SecurityAlarms } from "../modules/logging/security-alarms";
import { securityTopicArn, SecurityTopics } from "../modules/logging/security-topics";
import { AccessLogBucket } from "../modules/storage/access-log-bucket";
import { SecureBucket } from "../modules/storage/secure-bucket";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import type { OrganizationStack } from "./organization-stack";
import { publishOutput } from "../modules/terraform/stack-outputs";
import type { PublishedOutput } from "../modules/terraform/stack-outputs";
import { evidenceBucketName, keyAlias } from "../contracts/resource-names";
import { evidenceRetentionDays, evidenceRoleName } from "../config/model/evidence-settings";
import { EvidenceArchive } from "../modules/evidence/evidence-archive";
import { AUDIT_LOG_BUCKET_TAG } from "../contracts/tags";

export interface LoggingStackProps {
  readonly config: LandingZoneConfig;
  readonly organization: OrganizationStack;
}

/**
 * The log archive (keys and buckets, in the log archive account, the evidence bucket among them)
 * and the organization trail with its log group, alarms and security topic (in the management
 * account).
 */
export class LoggingStack extends TerraformStack {
  readonly configBucketName: string;
  readonly configKey: KmsKey;
  /** The Config key's ARN, for account baselines to read through remote state. */
  readonly configKeyArnOutput: PublishedOutput;
  readonly trailBucketName: string;
  readonly trailKey: KmsKey;
  /**
   * Where every account's VPC flow logs and Route 53 Resolver query logs go, as a literal ARN:
   * account baselines name it without reading this stack's state.
   */
  readonly networkLogsBucketArn: string;
  /**
   * The security topic of a region, as a literal ARN: account baselines publish to it without
   * reading this stack's state.
   */
  readonly securityTopicArnIn: (region: string) => string;

  constructor(scope: Construct, props: LoggingStackProps) {
    super(scope, STACK_NAMES.logging);
    const { config } = props;
    const organization = config.organization.config;
    const { logging } = organization;
    useRemoteState(this, organization.stateBackend);
    const core = props.organization.coreAccounts;
    const logArchiveAccountId = core.get(organization.coreAccounts.logArchive.name)!.accountId;
    memberAccountProvider(this, organization, {
      accountId: logArchiveAccountId,
      accountName: organization.coreAccounts.logArchive.name,
    });
    const management = managementAccountProvider(
      this,
      organization,
      organization.homeRegion,
      "management",
    );

    const partition = partitionOf(organization.homeRegion);
    const names = logArchiveNames(organization.resourcePrefix, organization.managementAccountId);
    const parties: LogArchiveParties = {
      partition,
      homeRegion: organization.homeRegion,
      managementAccountId: organization.managementAccountId,
      logArchiveAccountId,
      auditAccountId: core.get(organization.coreAccounts.audit.name)!.accountId,
      organizationId: props.organization.organizationId,
      trailArn: `arn:${partition}:cloudtrail:${organization.homeRegion}:${organization.managementAccountId}:trail/${names.trailName}`,
    };

    this.trailKey = new KmsKey(this, "trail-key", {
      alias: names.trailKeyAlias,
      description: "Encrypts the organization trail's log files and GuardDuty findings",
      policy: trailKeyPolicy(parties),
    });
    this.configKey = new KmsKey(this, "config-key", {
      alias: names.configKeyAlias,
      description: "Encrypts AWS Config history and snapshots from every account",
      policy: configKeyPolicy(parties),
    });
    const logsKey = new KmsKey(this, "logs-key", {
      alias: names.logsKeyAlias,
      description: "Encrypts the trail's CloudWatch log group and the security topics",
      policy: logsKeyPolicy(parties),
      provider: management,
    });

    const accessLogs = new AccessLogBucket(this, "access-logs", {
      bucketName: names.accessLogBucket,
      partition,
      sourceAccountId: logArchiveAccountId,
      retentionDays: logging.retentionYears * 365,
    });
    const archive = {
      transitionToGlacierDays: logging.transitionToGlacierDays,
      expireAfterDays: logging.retentionYears * 365,
    };
    const bucketArn = (name: string) => `arn:${partition}:s3:::${name}`;
    const trailBucket = new SecureBucket(this, "trail-bucket", {
      bucketName: names.trailBucket,
      partition,
      kmsKey: this.trailKey,
      accessLogs,
      objectLockDays: logging.objectLockDays,
      archive,
      tags: { [AUDIT_LOG_BUCKET_TAG.key]: AUDIT_LOG_BUCKET_TAG.value },
      additionalPolicyStatements: trailBucketStatements(parties, bucketArn(names.trailBucket)),
    });
    new SecureBucket(this, "config-bucket", {
      bucketName: names.configBucket,
      partition,
      kmsKey: this.configKey,
      accessLogs,
      objectLockDays: logging.objectLockDays,
      archive,
      tags: { [AUDIT_LOG_BUCKET_TAG.key]: AUDIT_LOG_BUCKET_TAG.value },
      additionalPolicyStatements: configBucketStatements(parties, bucketArn(names.configBucket)),
    });
    new EvidenceArchive(this, "evidence", {
      bucketName: evidenceBucketName(organization.resourcePrefix, organization.managementAccountId),
      keyAlias: keyAlias(organization.resourcePrefix, "evidence"),
      partition,
      region: organization.homeRegion,
      ownerAccountId: logArchiveAccountId,
      collectorAccountId: organization.managementAccountId,
      collectorRoleName: evidenceRoleName(organization),
      retentionDays: evidenceRetentionDays(organization.compliance),
      accessLogs,
    });
    // Flow logs and DNS query logs of every VPC, locked like the trail: they are the evidence of
    // who talked to what.
    const networkLogsKey = new KmsKey(this, "network-logs-key", {
      alias: names.networkLogsKeyAlias,
      description: "Encrypts VPC flow logs and Route 53 Resolver query logs from every account",
      policy: networkLogsKeyPolicy(parties),
    });
    this.networkLogsBucketArn = bucketArn(names.networkLogsBucket);
    new SecureBucket(this, "network-logs-bucket", {
      bucketName: names.networkLogsBucket,
      partition,
      kmsKey: networkLogsKey,
      accessLogs,
      objectLockDays: logging.objectLockDays,
      archive,
      tags: { [AUDIT_LOG_BUCKET_TAG.key]: AUDIT_LOG_BUCKET_TAG.value },
      additionalPolicyStatements: networkLogsBucketStatements(parties, this.networkLogsBucketArn),
    });
    this.configBucketName = names.configBucket;
    this.configKeyArnOutput = publishOutput(this, "config-key-arn", this.configKey.arn);
    this.trailBucketName = names.trailBucket;

    const trail = new OrganizationTrail(this, "organization-trail", {
      trailName: names.trailName,
      trailArn: parties.trailArn,
      partition,
      homeRegion: organization.homeRegion,
      managementAccountId: organization.managementAccountId,
      bucket: trailBucket,
      bucketName: names.trailBucket,
      trailKey: this.trailKey,
      logsKey,
      s3DataEvents: logging.s3DataEvents,
      advancedEventSelectors: logging.advancedEventSelectors,
      logRetentionDays:
        logging.cloudWatchRetentionDays ??
        retentionMeeting(organization.compliance.minimumLogRetentionDays),
      provider: management,
    });
    const topicName = `${organization.resourcePrefix}-security-alerts`;
    this.securityTopicArnIn = (region) =>
      securityTopicArn(partition, region, organization.managementAccountId, topicName);
    const securityTopics = new SecurityTopics(this, "security-topics", {
      topicName,
      keyAlias: keyAlias(organization.resourcePrefix, "alerts"),
      regions: organization.governedRegions,
      partition,
      managementAccountId: organization.managementAccountId,
      organizationId: props.organization.organizationId,
      contacts: organization.securityContacts,
      provider: management,
    });
    new SecurityAlarms(this, "security-alarms", {
      namePrefix: organization.resourcePrefix,
      logGroupName: trail.logGroup.name,
      alarms: [...CIS_ALARMS, breakGlassAlarm(organization.guardrails.breakGlassPermissionSet)],
      topicArn: securityTopics.topicIn(organization.homeRegion).arn,
      provider: management,
    });
  }
}
