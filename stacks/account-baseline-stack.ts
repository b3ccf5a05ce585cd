import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { AccountHardening } from "../modules/baseline/account-hardening";
import { ConfigRecorders } from "../modules/aws-config/config-recorders";
import type { EnvironmentConfig } from "../config/schema/environment-schema";
import { partitionOf } from "../config/schema/primitives";
import { BackupBaseline } from "../modules/backup/backup-baseline";
import { PatchManagement } from "../modules/patching/patch-management";
import { MemberPipelineRoles } from "../modules/pipeline/member-pipeline-roles";
import { WebAcl } from "../modules/waf/web-acl";
import { retentionMeeting } from "../config/model/log-retention";
import { evidenceRoleName } from "../config/model/evidence-settings";
import type { LoggingStack } from "./logging-stack";
import type { NetworkStack } from "./network-stack";
import { AlternateContacts } from "../modules/vending/alternate-contacts";
import { InertDefaultVpc } from "../modules/network/inert-default-vpc";
import { WorkloadVpc } from "../modules/network/workload-vpc";
import { vpcPlansFor } from "../config/model/network";
import type { ContactsConfig } from "../config/schema/vending-schema";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { StackWithoutCrossStackPass } from "../modules/terraform/cdktf-internals";
import { useRemoteState } from "../modules/terraform/remote-state";
import { valueFromOtherStack } from "../modules/terraform/stack-outputs";
import type { PublishedOutput } from "../modules/terraform/stack-outputs";

export interface AccountBaselineStackProps {
  readonly config: LandingZoneConfig;
  readonly stackName: string;
  /**
   * The account to baseline: a member account's id (literal, or the output of the stack that
   * creates it), or "management" for the management account, which is reached directly.
   */
  readonly account:
    | { readonly kind: "member"; readonly name: string; readonly id: string | PublishedOutput }
    | { readonly kind: "management" };
  /** The log archive, where Config delivers. */
  readonly logging: LoggingStack;
  /**
   * The environment a workload account belongs to: its `baseline` section adds patching,
   * backup and WAF. Core accounts and the management account run no workloads.
   * @default no operations baseline
   */
  readonly environment?: EnvironmentConfig;
  /** The account's alternate contacts, the organization's defaults merged with its own. */
  readonly contacts?: ContactsConfig;
  /** The organization IPAM, when an environment allocates its VPCs from it. */
  readonly network?: NetworkStack;
}

/**
 * Everything one account gets in every governed region: hardening and AWS Config, and for
 * workload accounts the environment's patching, backup and WAF.
 */
export class AccountBaselineStack extends StackWithoutCrossStackPass {
  constructor(scope: Construct, props: AccountBaselineStackProps) {
    super(scope, props.stackName);
    const organization = props.config.organization.config;
    useRemoteState(this, organization.stateBackend);
    // Values come from other stacks' state (not cdktf references), so the order is stated.
    this.addDependency(props.logging);
    const fromOtherStack = (value: string | PublishedOutput) =>
      valueFromOtherStack(this, value, organization.stateBackend);
    const memberAccountId =
      props.account.kind === "member" ? fromOtherStack(props.account.id) : undefined;
    if (memberAccountId && props.account.kind === "member")
      memberAccountProvider(this, organization, {
        accountId: memberAccountId,
        accountName: props.account.name,
      });
    else managementAccountProvider(this, organization);

    new AccountHardening(this, "hardening", { regions: organization.governedRegions });
    new ConfigRecorders(this, "config", {
      regions: organization.governedRegions,
      homeRegion: organization.homeRegion,
      recorderName: `${organization.resourcePrefix}-config`,
      bucketName: props.logging.configBucketName,
      kmsKeyArn: fromOtherStack(props.logging.configKeyArnOutput),
    });

    if (props.contacts)
      new AlternateContacts(this, "alternate-contacts", { contacts: props.contacts });
    const logBucketArn = props.logging.networkLogsBucketArn;
    for (const region of organization.governedRegions)
      new InertDefaultVpc(this, `default-vpc-${region}`, { region, logBucketArn });

    if (memberAccountId) {
      const { pipeline } = organization;
      new MemberPipelineRoles(this, "pipeline-roles", {
        deployRoleName: pipeline.deployRoleName,
        readRoleName: pipeline.readRoleName,
        applyRoleName: pipeline.applyRoleName,
        planRoleName: pipeline.planRoleName,
        evidenceRoleName: evidenceRoleName(organization),
        partition: partitionOf(organization.homeRegion),
        managementAccountId: organization.managementAccountId,
        breakGlassPermissionSet: organization.guardrails.breakGlassPermissionSet,
      });
    }

    if (props.environment && props.account.kind === "member") {
      const network = props.environment.network;
      for (const plan of vpcPlansFor(props.environment, props.account.name)) {
        const addressing =
          "cidr" in plan.addressing
            ? { cidr: plan.addressing.cidr }
            : {
                ipamPoolId: fromOtherStack(this.ipamPool(props.network, plan.addressing.ipamPool)),
                netmaskLength: plan.addressing.netmaskLength,
              };
        new WorkloadVpc(this, `vpc-${plan.region}`, {
          region: plan.region,
          name: `${organization.resourcePrefix}-${props.account.name}`,
          addressing,
          availabilityZones: network!.availabilityZones,
          publicSubnets: network!.publicSubnets,
          interfaceEndpoints: network!.interfaceEndpoints,
          logBucketArn,
        });
      }
    }

    const baseline = props.environment?.baseline;
    if (!baseline || !props.environment) return;
    const accountId = memberAccountId ?? organization.managementAccountId;
    const partition = partitionOf(organization.homeRegion);
    const regions = organization.governedRegions;
    const namePrefix = organization.resourcePrefix;
    const patching = baseline.patching;
    if (patching) {
      new PatchManagement(this, "patching", {
        namePrefix,
        environment: props.environment.name,
        regions,
        operatingSystems: patching.operatingSystems,
        complianceLevel: patching.complianceLevel,
        approveAfterDays: patching.approveAfterDays,
        approveNonSecurity: patching.approveNonSecurity,
        scanSchedule: patching.scanSchedule,
        installWindow: patching.installWindow,
        accountId,
        partition,
      });
    }
    if (baseline.backup) {
      new BackupBaseline(this, "backup", {
        namePrefix,
        regions,
        plans: baseline.backup.plans,
        vaultLock: baseline.backup.vaultLock,
        restoreTesting: baseline.backup.restoreTesting,
        accountId,
        partition,
        breakGlassPermissionSet: organization.guardrails.breakGlassPermissionSet,
        // The access role applies a new account's first baseline, the deploy role the rest.
        pipelineRoleNames: [organization.accessRoleName, organization.pipeline.deployRoleName],
        securityTopicArn: props.logging.securityTopicArnIn,
      });
    }
    const waf = baseline.waf;
    if (waf) {
      const logRetentionDays =
        waf.logRetentionDays ?? retentionMeeting(organization.compliance.minimumLogRetentionDays);
      const common = { namePrefix, waf, logRetentionDays, partition, accountId };
      for (const region of regions)
        new WebAcl(this, `waf-regional-${region}`, { ...common, scope: "REGIONAL", region });
      // CloudFront's web ACLs live in us-east-1, whatever the governed regions.
      if (waf.cloudFront)
        new WebAcl(this, "waf-cloudfront", { ...common, scope: "CLOUDFRONT", region: "us-east-1" });
    }
  }

  private ipamPool(
    network: NetworkStack | undefined,
    pool: { readonly environment: string; readonly region: string },
  ): PublishedOutput {
    if (!network)
      throw new Error(
        `${this.node.id} allocates from IPAM, but the landing zone has no network stack; config checks should have refused this`,
      );
    // The pool id comes from the network stack's state, so the order is stated.
    this.addDependency(network);
    return network.poolIdOutput(pool.environment, pool.region);
  }
}
