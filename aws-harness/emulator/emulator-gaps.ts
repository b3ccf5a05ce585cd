import type { EmulatorGap } from "./emulator-gap";

/**
 * Where moto 5.2 can't stand in for AWS, so these resources are proven by `terraform validate`
 * only (or, with `withhold`, applied without the one argument the emulator can't take).
 * docs/proof-from-aws.md lists them (`npm run docs`). An entry may name only an API the emulator
 * lacks or gets wrong, never an error AWS would give too: that is a defect of the landing zone, to
 * be fixed. Each message was read in the emulator's own code, and the harness checks it again on
 * every run.
 *
 * For the calls the emulator has no route for it answers HTTP 404 with an HTML page, which is
 * all Terraform can show; the message is then the request line the emulator logs.
 */
export const EMULATOR_GAPS: readonly EmulatorGap[] = [
  // Organizations
  {
    resourceType: "aws_organizations_policy",
    where: { argument: "type", equals: "BACKUP_POLICY" },
    reason: "Organizations has no backup policies in the emulator.",
    failingCall: "Organizations: CreatePolicy",
    emulatorMessage: "NotImplementedError: The BACKUP_POLICY policy type has not been implemented",
  },
  {
    resourceType: "aws_organizations_delegated_administrator",
    where: { argument: "service_principal", equals: "config.amazonaws.com" },
    reason:
      "The emulator knows six delegated-administrator services; AWS Config documents config.amazonaws.com for its aggregators.",
    failingCall: "Organizations: RegisterDelegatedAdministrator",
    emulatorMessage: "InvalidInputException: You specified an unrecognized service principal.",
  },
  {
    resourceType: "aws_organizations_delegated_administrator",
    where: { argument: "service_principal", equals: "backup.amazonaws.com" },
    reason:
      "The emulator knows six delegated-administrator services; AWS Backup documents backup.amazonaws.com for cross-account monitoring.",
    failingCall: "Organizations: RegisterDelegatedAdministrator",
    emulatorMessage: "InvalidInputException: You specified an unrecognized service principal.",
  },
  {
    resourceType: "aws_organizations_organization",
    reason:
      "The emulator's Organizations knows a fixed list of trusted services, without iam.amazonaws.com (centralized root access); the organization is applied with every other service.",
    failingCall: "Organizations: EnableAWSServiceAccess",
    emulatorMessage: "InvalidInputException: You specified an unrecognized service principal.",
    withhold: { argument: "aws_service_access_principals", withoutElement: "iam.amazonaws.com" },
  },
  // IAM
  {
    resourceType: "aws_iam_organizations_features",
    reason:
      "The emulator's IAM has no organization features (root credentials management, root sessions).",
    failingCall: "IAM: EnableOrganizationsRootCredentialsManagement",
    emulatorMessage:
      "NotImplementedError: The enable_organizations_root_credentials_management action has not been implemented",
  },
  // CloudTrail
  {
    resourceType: "aws_cloudtrail",
    reason:
      "The emulator keeps trails by name, and the provider starts logging by the trail's ARN; the trail is applied with logging off.",
    failingCall: "CloudTrail: StartLogging",
    emulatorMessage: "KeyError: 'arn:aws:cloudtrail:",
    withhold: { argument: "enable_logging", emulatorValue: false },
  },
  // AWS Config
  {
    resourceType: "aws_config_organization_conformance_pack",
    reason:
      "The emulator reads the template's S3 URI even when the template comes in the request, and fails on the missing URI.",
    failingCall: "Config Service: PutOrganizationConformancePack",
    emulatorMessage: "TypeError: expected string or bytes-like object, got 'NoneType'",
  },
  // IAM Identity Center
  {
    resourceType: "aws_ssoadmin_permission_set",
    reason:
      "The emulator's Identity Center can't list a permission set's tags, which the provider reads after creating one.",
    failingCall: "SSO Admin: ListTagsForResource",
    emulatorMessage:
      "NotImplementedError: The list_tags_for_resource action has not been implemented",
  },
  // EC2
  {
    resourceType: "aws_ec2_instance_metadata_defaults",
    reason: "The emulator has no account-level instance metadata defaults.",
    failingCall: "EC2: ModifyInstanceMetadataDefaults",
    emulatorMessage:
      "NotImplementedError: The modify_instance_metadata_defaults action has not been implemented",
  },
  // SSM
  {
    resourceType: "aws_ssm_patch_baseline",
    reason:
      "The emulator tags a new patch baseline through a check that refuses every patch baseline id.",
    failingCall: "SSM: CreatePatchBaseline",
    emulatorMessage: "InvalidResourceId: Invalid Resource Id",
  },
  {
    resourceType: "aws_ssm_maintenance_window_target",
    reason:
      "The emulator answers DescribeMaintenanceWindowTargets with nothing whenever a filter is given, and the provider reads a target back by filter.",
    failingCall: "reading SSM Maintenance Window Target",
    emulatorMessage: "empty result",
  },
  // AWS Backup
  {
    resourceType: "aws_backup_selection",
    reason: "The emulator has no backup selections.",
    failingCall: "Backup: CreateBackupSelection",
    emulatorMessage:
      "NotImplementedError: The create_backup_selection action has not been implemented",
  },
  {
    resourceType: "aws_backup_vault_policy",
    reason: "The emulator has no backup vault access policies.",
    failingCall: "Backup: PutBackupVaultAccessPolicy",
    emulatorMessage: '/access-policy HTTP/1.1" 404',
  },
  {
    resourceType: "aws_backup_vault_notifications",
    reason: "The emulator has no backup vault notifications.",
    failingCall: "Backup: PutBackupVaultNotifications",
    emulatorMessage: '/notification-configuration HTTP/1.1" 404',
  },
  {
    resourceType: "aws_backup_restore_testing_plan",
    reason: "The emulator has no restore testing.",
    failingCall: "Backup: CreateRestoreTestingPlan",
    emulatorMessage: 'PUT /restore-testing/plans HTTP/1.1" 404',
  },
  // The provider asks for tags at /tags/<arn>; the emulator reads the ARN from the path segment
  // before a trailing slash the request doesn't have, and answers with no tags.
  {
    resourceType: "aws_backup_vault",
    reason:
      "The emulator reads the ARN of a tag listing from a path segment the provider's request doesn't have, so it gives no tags back.",
    failingCall: "Backup: ListTags",
    emulatorMessage: '"GET /tags/arn:aws:backup:',
    unreadArguments: ["tags", "tags_all"],
  },
  {
    resourceType: "aws_backup_plan",
    reason:
      "The emulator reads the ARN of a tag listing from a path segment the provider's request doesn't have, so it gives no tags back.",
    failingCall: "Backup: ListTags",
    emulatorMessage: '"GET /tags/arn:aws:backup:',
    unreadArguments: ["tags", "tags_all"],
  },
  {
    resourceType: "aws_backup_report_plan",
    reason:
      "The emulator reads the ARN of a tag listing from a path segment the provider's request doesn't have, so it gives no tags back.",
    failingCall: "Backup: ListTags",
    emulatorMessage: '"GET /tags/arn:aws:backup:',
    unreadArguments: ["tags", "tags_all"],
  },
  // The emulator builds a sub-service's role name as AWSServiceRoleFor<service>_<Prefix>; the
  // provider reads what follows the underscore back as a custom suffix the config doesn't set.
  {
    resourceType: "aws_iam_service_linked_role",
    where: { argument: "aws_service_name", equals: "reports.backup.amazonaws.com" },
    reason:
      "The emulator names the role AWSServiceRoleForbackup_Reports where AWS names it AWSServiceRoleForBackupReports, so the provider reads back a custom suffix and plans a replacement (and new ARNs in the policies that name the role).",
    failingCall: "IAM: CreateServiceLinkedRole",
    emulatorMessage: "AWSServiceRoleForbackup_Reports",
    unreadArguments: ["custom_suffix"],
  },
  {
    resourceType: "aws_backup_global_settings",
    reason: "The emulator has no AWS Backup global settings.",
    failingCall: "Backup: UpdateGlobalSettings",
    emulatorMessage: 'PUT /global-settings HTTP/1.1" 404',
  },
  // Budgets
  {
    resourceType: "aws_budgets_budget",
    reason:
      "The emulator's Budgets can't list a notification's subscribers, which the provider reads after creating a budget.",
    failingCall: "Budgets: DescribeSubscribersForNotification",
    emulatorMessage:
      "NotImplementedError: The describe_subscribers_for_notification action has not been implemented",
  },
  // Cost Explorer
  {
    resourceType: "aws_ce_anomaly_monitor",
    reason: "The emulator's Cost Explorer has no anomaly detection.",
    failingCall: "Cost Explorer: CreateAnomalyMonitor",
    emulatorMessage:
      "NotImplementedError: The create_anomaly_monitor action has not been implemented",
  },
  // Route 53 Resolver
  {
    resourceType: "aws_route53_resolver_query_log_config",
    reason:
      "The emulator looks tags up among resolver endpoints and rules only, so listing a query log config's tags, which the provider does after creating it, fails.",
    failingCall: "Route53Resolver: ListTagsForResource",
    emulatorMessage:
      "ResourceNotFoundException: Resolver endpoint with ID 'arn:aws:route53resolver:",
  },
  // GuardDuty
  {
    resourceType: "aws_guardduty_organization_configuration",
    reason: "The emulator's GuardDuty has no organization configuration.",
    failingCall: "GuardDuty: UpdateOrganizationConfiguration",
    emulatorMessage: '/admin HTTP/1.1" 404',
  },
  {
    resourceType: "aws_guardduty_organization_configuration_feature",
    reason: "The emulator's GuardDuty has no organization configuration.",
    failingCall: "GuardDuty: DescribeOrganizationConfiguration",
    emulatorMessage: '/admin HTTP/1.1" 404',
  },
  {
    resourceType: "aws_guardduty_publishing_destination",
    reason: "The emulator's GuardDuty has no publishing destinations.",
    failingCall: "GuardDuty: CreatePublishingDestination",
    emulatorMessage: '/publishingDestination HTTP/1.1" 404',
  },
  // Security Hub, Macie, Access Analyzer
  {
    resourceType: "aws_securityhub_account",
    reason:
      "The emulator can't update Security Hub's configuration, which the provider does to turn on controls automatically.",
    failingCall: "SecurityHub: UpdateSecurityHubConfiguration",
    emulatorMessage:
      "NotImplementedError: The update_security_hub_configuration action has not been implemented",
  },
  {
    resourceType: "aws_securityhub_organization_admin_account",
    reason:
      "The emulator's Security Hub can't list organization administrators, which the provider waits on.",
    failingCall: "SecurityHub: ListOrganizationAdminAccounts",
    emulatorMessage: 'GET /organization/admin HTTP/1.1" 404',
  },
  {
    resourceType: "aws_securityhub_organization_configuration",
    reason:
      "The emulator requires a Status in the request, a field AWS only returns; the provider sends none.",
    failingCall: "SecurityHub: UpdateOrganizationConfiguration",
    emulatorMessage:
      "InvalidInputException: The request was rejected because the Status value must be one of PENDING, ENABLED, or FAILED.",
  },
  {
    resourceType: "aws_securityhub_configuration_policy",
    reason: "The emulator's Security Hub has no central configuration policies.",
    failingCall: "SecurityHub: CreateConfigurationPolicy",
    emulatorMessage: 'POST /configurationPolicy/create HTTP/1.1" 404',
  },
  {
    resourceType: "aws_securityhub_finding_aggregator",
    reason: "The emulator's Security Hub has no finding aggregators.",
    failingCall: "SecurityHub: CreateFindingAggregator",
    emulatorMessage: 'POST /findingAggregator/create HTTP/1.1" 404',
  },
  {
    resourceType: "aws_macie2_organization_configuration",
    reason: "The emulator's Macie has no organization configuration.",
    failingCall: "Macie2: UpdateOrganizationConfiguration",
    emulatorMessage: 'PATCH /admin/configuration HTTP/1.1" 404',
  },
  {
    resourceType: "aws_macie2_member",
    reason: "The emulator's Macie adds members only by invitation, not from the organization.",
    failingCall: "Macie2: CreateMember",
    emulatorMessage: "NotImplementedError: The create_member action has not been implemented",
  },
  {
    resourceType: "aws_accessanalyzer_analyzer",
    reason: "The emulator has no Access Analyzer: its router finds no backend for the service.",
    failingCall: "AccessAnalyzer: CreateAnalyzer",
    emulatorMessage: "AttributeError: 'NoneType' object has no attribute 'replace'",
  },
];
