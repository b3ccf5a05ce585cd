import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../environments/model/landing-zone-config";
import { AccountHardening } from "../modules/baseline/account-hardening";
import { ConfigRecorders } from "../modules/config/config-recorders";
import type { EnvironmentConfig } from "../environments/schema/environment-schema";
import { partitionOf } from "../environments/schema/primitives";
import { BackupBaseline } from "../modules/backup/backup-baseline";
import { PatchManagement } from "../modules/patching/patch-management";
import { MemberPipelineRoles } from "../modules/pipeline/member-pipeline-roles";
import { WebAcl } from "../modules/waf/web-acl";
import type { LoggingStack } from "./logging-stack";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";

export interface AccountBaselineStackProps {
  readonly config: LandingZoneConfig;
  readonly stackName: string;
  /**
   * The account to baseline: a member account's id (literal or a reference to the stack that
   * creates it), or "management" for the management account, which is reached directly.
   */
  readonly account:
    { readonly kind: "member"; readonly id: string } | { readonly kind: "management" };
  /** The log archive, where Config delivers. */
  readonly logging: LoggingStack;
  /**
   * The environment a workload account belongs to: its `baseline` section adds patching,
   * backup and WAF. Core accounts and the management account run no workloads.
   * @default no operations baseline
   */
  readonly environment?: EnvironmentConfig;
}

/**
 * Everything one account gets in every governed region: hardening and AWS Config, and for
 * workload accounts the environment's patching, backup and WAF.
 */
export class AccountBaselineStack extends TerraformStack {
  constructor(scope: Construct, props: AccountBaselineStackProps) {
    super(scope, props.stackName);
    const organization = props.config.organization.config;
    useRemoteState(this, organization.stateBackend);
    if (props.account.kind === "management") managementAccountProvider(this, organization);
    else memberAccountProvider(this, organization, props.account.id);

    new AccountHardening(this, "hardening", { regions: organization.governedRegions });
    new ConfigRecorders(this, "config", {
      regions: organization.governedRegions,
      homeRegion: organization.homeRegion,
      recorderName: `${organization.resourcePrefix}-config`,
      bucketName: props.logging.configBucketName,
      kmsKeyArn: props.logging.configKey.arn,
    });

    if (props.account.kind === "member") {
      new MemberPipelineRoles(this, "pipeline-roles", {
        pipeline: organization.pipeline,
        partition: partitionOf(organization.homeRegion),
        managementAccountId: organization.managementAccountId,
        breakGlassRoleName: organization.guardrails.breakGlassRoleName,
      });
    }

    const baseline = props.environment?.baseline;
    if (!baseline || !props.environment) return;
    const accountId =
      props.account.kind === "member" ? props.account.id : organization.managementAccountId;
    const partition = partitionOf(organization.homeRegion);
    const regions = organization.governedRegions;
    const namePrefix = organization.resourcePrefix;
    if (baseline.patching) {
      new PatchManagement(this, "patching", {
        namePrefix,
        environment: props.environment.name,
        regions,
        patching: baseline.patching,
        accountId,
        partition,
      });
    }
    if (baseline.backup) {
      new BackupBaseline(this, "backup", {
        namePrefix,
        regions,
        backup: baseline.backup,
        accountId,
        partition,
        breakGlassRoleName: organization.guardrails.breakGlassRoleName,
        securityTopicArn: props.logging.securityTopicArnIn,
      });
    }
    const waf = baseline.waf;
    if (waf) {
      const common = { namePrefix, waf, partition, accountId };
      for (const region of regions)
        new WebAcl(this, `waf-regional-${region}`, { ...common, scope: "REGIONAL", region });
      // CloudFront's web ACLs live in us-east-1, whatever the governed regions.
      if (waf.cloudFront)
        new WebAcl(this, "waf-cloudfront", { ...common, scope: "CLOUDFRONT", region: "us-east-1" });
    }
  }
}
