import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { partitionOf } from "../config/schema/primitives";
import { BackupReporting } from "../modules/backup/backup-reporting";
import { OrganizationConfigAggregator } from "../modules/aws-config/organization-config-aggregator";
import { OrganizationConformancePack } from "../modules/aws-config/organization-conformance-pack";
import { conformancePackRules } from "../modules/aws-config/soc2-config-rules";
import { DelegatedAdministrator } from "../modules/organizations/delegated-administrator";
import { AccessAnalyzerOrganization } from "../modules/security/access-analyzer-organization";
import { FindingsAlerts } from "../modules/security/findings-alerts";
import { GuardDutyOrganization } from "../modules/security/guardduty-organization";
import { InspectorOrganization } from "../modules/security/inspector-organization";
import { MacieOrganization } from "../modules/security/macie-organization";
import { SecurityHubOrganization } from "../modules/security/security-hub-organization";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import type { LoggingStack } from "./logging-stack";
import type { OrganizationStack } from "./organization-stack";
import { soc2ConformancePackName } from "../contracts/resource-names";

export interface SecurityStackProps {
  readonly config: LandingZoneConfig;
  readonly organization: OrganizationStack;
  readonly logging: LoggingStack;
}

/**
 * Detection and continuous compliance, administered from the audit account: the Config
 * aggregator and conformance pack, GuardDuty, Security Hub, Access Analyzer, Macie and
 * Inspector, and the alerts their findings raise. The management account delegates each
 * service to the audit account.
 */
export class SecurityStack extends TerraformStack {
  constructor(scope: Construct, props: SecurityStackProps) {
    super(scope, STACK_NAMES.security);
    const { config } = props;
    const organization = config.organization.config;
    const services = organization.securityServices;
    useRemoteState(this, organization.stateBackend);
    const auditAccountId = props.organization.coreAccounts.get(
      organization.coreAccounts.audit.name,
    )!.accountId;
    memberAccountProvider(this, organization, {
      accountId: auditAccountId,
      accountName: organization.coreAccounts.audit.name,
    });
    const management = managementAccountProvider(
      this,
      organization,
      organization.homeRegion,
      "management",
    );
    const partition = partitionOf(organization.homeRegion);
    const regions = organization.governedRegions;
    const delegate = (servicePrincipal: string) =>
      new DelegatedAdministrator(this, `delegate-${servicePrincipal.split(".")[0]}`, {
        accountId: auditAccountId,
        servicePrincipal,
        provider: management,
      }).delegation;

    const configDelegations = [
      "config.amazonaws.com",
      "config-multiaccountsetup.amazonaws.com",
    ].map(delegate);
    new OrganizationConfigAggregator(this, "config-aggregator", {
      name: `${organization.resourcePrefix}-organization`,
      partition,
      homeRegion: organization.homeRegion,
      accountId: auditAccountId,
      delegations: configDelegations,
    });
    new OrganizationConformancePack(this, "soc2-conformance-pack", {
      name: soc2ConformancePackName(organization.resourcePrefix),
      rules: conformancePackRules(organization.compliance, services.additionalConfigRules),
      dependsOn: configDelegations,
    });
    new GuardDutyOrganization(this, "guardduty", {
      regions,
      adminAccountId: auditAccountId,
      protections: services.guardDuty,
      findingsBucketArn: `arn:${partition}:s3:::${props.logging.trailBucketName}`,
      findingsKeyArn: props.logging.trailKey.arn,
      management,
    });
    new SecurityHubOrganization(this, "security-hub", {
      partition,
      homeRegion: organization.homeRegion,
      regions,
      adminAccountId: auditAccountId,
      rootId: props.organization.rootId,
      management,
      disabledControls: services.securityHub.disabledControls,
    });
    if (services.alerts)
      new FindingsAlerts(this, "findings-alerts", {
        namePrefix: organization.resourcePrefix,
        partition,
        region: organization.homeRegion,
        accountId: auditAccountId,
        minimumSeverity: services.alerts.minimumSeverity,
        emails: services.alerts.emails ?? organization.securityContacts,
        httpsEndpoints: services.alerts.httpsEndpoints,
      });
    new AccessAnalyzerOrganization(this, "access-analyzer", {
      namePrefix: organization.resourcePrefix,
      regions,
      homeRegion: organization.homeRegion,
      unusedAccess: services.unusedAccessAnalyzer,
      delegation: delegate("access-analyzer.amazonaws.com"),
    });
    if (services.backupReporting === "report-plan") {
      new BackupReporting(this, "backup-reporting", {
        namePrefix: organization.resourcePrefix,
        partition,
        homeRegion: organization.homeRegion,
        regions,
        auditAccountId,
        managementAccountId: organization.managementAccountId,
        rootId: props.organization.rootId,
        delegation: delegate("backup.amazonaws.com"),
        management,
      });
    }
    if (services.macie)
      new MacieOrganization(this, "macie", { regions, adminAccountId: auditAccountId, management });
    if (services.inspector)
      new InspectorOrganization(this, "inspector", {
        regions,
        adminAccountId: auditAccountId,
        management,
      });
  }
}
