import { fromControlMatrixJson } from "../../compliance/evidence/control-matrix";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { exampleSynth } from "../helpers/example-synth";
import { copyExampleConfig, editedExample, replaceInFile } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import { defaultProvider, EXAMPLE_MEMBER_ROLE } from "../helpers/synth-output";
import type { SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;
beforeAll(() => {
  out = exampleSynth();
});

const all = (stack: string, type: string) => Object.values(out.resources(stack, type));
const memberStacks = () =>
  Object.keys(out.manifest.stacks).filter(
    (name) => name.startsWith("account-") || name === "management",
  );

describe("AWS Config", () => {
  test("every governed region of every account gets exactly one recorder, recording global types once", () => {
    expect(memberStacks()).toHaveLength(11);
    for (const stack of memberStacks()) {
      const recorders = all(stack, "aws_config_configuration_recorder");
      expect(recorders.map((recorder) => recorder.region).sort()).toEqual([
        "us-east-1",
        "us-west-2",
      ]);
      for (const recorder of recorders) {
        expect(recorder.recording_group).toEqual({
          all_supported: true,
          include_global_resource_types: recorder.region === "us-east-1",
        });
        expect(recorder.role_arn).toMatch(/aws_iam_service_linked_role\./);
      }
      const channels = all(stack, "aws_config_delivery_channel");
      expect(channels.map((channel) => channel.region).sort()).toEqual(["us-east-1", "us-west-2"]);
      for (const channel of channels) {
        expect(channel.s3_bucket_name).toBe("nwh-log-archive-config-111122223333");
        expect(channel.s3_kms_key_arn).toBe(
          "${data.terraform_remote_state.remote-state-logging.outputs.config-key-arn}",
        );
      }
      expect(
        all(stack, "aws_config_configuration_recorder_status").every(
          (status) => status.is_enabled === true,
        ),
      ).toBe(true);
      expect(all(stack, "aws_iam_service_linked_role")).toEqual([
        expect.objectContaining({ aws_service_name: "config.amazonaws.com" }),
      ]);
    }
  });

  test("changing the governed regions changes the recorders accordingly", () => {
    const configDir = copyExampleConfig();
    const organizationFile = join(configDir, "organization.yaml");
    replaceInFile(organizationFile, "  - us-west-2\n", "  - us-west-2\n  - eu-west-1\n");
    const wider = synthLandingZone(configDir);
    const regions = Object.values(
      wider.resources("account-prod-data", "aws_config_configuration_recorder"),
    )
      .map((recorder) => recorder.region)
      .sort();
    expect(regions).toEqual(["eu-west-1", "us-east-1", "us-west-2"]);
    const global = Object.values(
      wider.resources("account-prod-data", "aws_config_configuration_recorder"),
    ).filter((recorder) => recorder.recording_group.include_global_resource_types);
    expect(global.map((recorder) => recorder.region)).toEqual(["us-east-1"]);
  });

  test("one organization aggregator in the audit account covers all regions", () => {
    const [aggregator] = all("security", "aws_config_configuration_aggregator");
    expect(aggregator.organization_aggregation_source).toMatchObject({ all_regions: true });
    expect(defaultProvider(out.stack("security")).assume_role[0].role_arn).toMatch(
      EXAMPLE_MEMBER_ROLE,
    );
  });

  test("the conformance pack parses and lists the SOC 2 rules and the configured ones", () => {
    const [pack] = all("security", "aws_config_organization_conformance_pack");
    const template = parse(pack.template_body);
    const identifiers = Object.values<{ Properties: { Source: { SourceIdentifier: string } } }>(
      template.Resources,
    ).map((resource) => resource.Properties.Source.SourceIdentifier);
    for (const expected of [
      "CLOUD_TRAIL_ENABLED",
      "S3_BUCKET_SSL_REQUESTS_ONLY",
      "CMK_BACKING_KEY_ROTATION_ENABLED",
      "ROOT_ACCOUNT_MFA_ENABLED",
      "IAM_PASSWORD_POLICY",
      "VPC_DEFAULT_SECURITY_GROUP_CLOSED",
      "GUARDDUTY_ENABLED_CENTRALIZED",
      "BACKUP_RECOVERY_POINT_ENCRYPTED",
      "WAFV2_LOGGING_ENABLED",
      "EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK",
    ]) {
      expect(identifiers).toContain(expected);
    }
    const retention = Object.values<{
      Properties: { Source: { SourceIdentifier: string }; InputParameters?: object };
    }>(template.Resources).find(
      (resource) =>
        resource.Properties.Source.SourceIdentifier === "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
    );
    expect(retention!.Properties.InputParameters).toEqual({ MinRetentionTime: "365" });
    const evidence = readFileSync(join(out.outdir, "evidence", "config-rules.md"), "utf8");
    expect(evidence).toContain("| CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED | CC7.2, PI1.5 | — |");
  });
});

describe("security services, delegated to the audit account", () => {
  const registrations = (type: string) =>
    all("security", type).filter((resource) => resource.provider === "aws.management");

  test("each service is delegated from the management account", () => {
    expect(
      registrations("aws_guardduty_organization_admin_account")
        .map((entry) => entry.region)
        .sort(),
    ).toEqual(["us-east-1", "us-west-2"]);
    expect(registrations("aws_securityhub_organization_admin_account")).toHaveLength(1);
    expect(registrations("aws_macie2_organization_admin_account")).toHaveLength(2);
    expect(registrations("aws_inspector2_delegated_admin_account")).toHaveLength(2);
    expect(
      registrations("aws_organizations_delegated_administrator")
        .map((entry) => entry.service_principal)
        .sort(),
    ).toEqual([
      "access-analyzer.amazonaws.com",
      "backup.amazonaws.com",
      "config-multiaccountsetup.amazonaws.com",
      "config.amazonaws.com",
    ]);
  });

  test("GuardDuty auto-enables every account with every configured protection, findings to the log archive", () => {
    expect(
      all("security", "aws_guardduty_organization_configuration").every(
        (entry) => entry.auto_enable_organization_members === "ALL",
      ),
    ).toBe(true);
    const features = all("security", "aws_guardduty_organization_configuration_feature").filter(
      (entry) => entry.region === "us-east-1",
    );
    expect(features.map((feature) => feature.name).sort()).toEqual([
      "EBS_MALWARE_PROTECTION",
      "EKS_AUDIT_LOGS",
      "LAMBDA_NETWORK_LOGS",
      "RDS_LOGIN_EVENTS",
      "RUNTIME_MONITORING",
      "S3_DATA_EVENTS",
    ]);
    for (const destination of all("security", "aws_guardduty_publishing_destination")) {
      expect(destination.destination_arn).toBe(
        "arn:aws:s3:::nwh-log-archive-cloudtrail-111122223333",
      );
    }
  });

  test("Security Hub is centrally configured with FSBP and CIS v3.0, findings aggregated home", () => {
    const [policy] = all("security", "aws_securityhub_configuration_policy");
    expect(policy.configuration_policy.enabled_standard_arns).toEqual([
      "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
      "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
    ]);
    const [central] = all("security", "aws_securityhub_organization_configuration");
    expect(central.organization_configuration).toEqual({ configuration_type: "CENTRAL" });
    const [aggregator] = all("security", "aws_securityhub_finding_aggregator");
    expect(aggregator).toMatchObject({
      region: "us-east-1",
      linking_mode: "SPECIFIED_REGIONS",
      specified_regions: ["us-west-2"],
    });
  });

  test("Access Analyzer has an organization analyzer per region and one unused-access analyzer", () => {
    const analyzers = all("security", "aws_accessanalyzer_analyzer");
    expect(analyzers.filter((analyzer) => analyzer.type === "ORGANIZATION")).toHaveLength(2);
    expect(analyzers.filter((analyzer) => analyzer.type === "ORGANIZATION_UNUSED_ACCESS")).toEqual([
      expect.objectContaining({
        region: "us-east-1",
        configuration: { unused_access: { unused_access_age: 90 } },
      }),
    ]);
  });

  test("Macie and Inspector are on for the organization, and switch off from config", () => {
    expect(
      all("security", "aws_macie2_organization_configuration").every(
        (entry) => entry.auto_enable === true,
      ),
    ).toBe(true);
    expect(all("security", "aws_inspector2_organization_configuration")).toHaveLength(2);
    const configDir = copyExampleConfig();
    const organizationFile = join(configDir, "organization.yaml");
    replaceInFile(
      organizationFile,
      "  macie: true\n  inspector: true\n",
      "  macie: false\n  inspector: false\n",
    );
    const off = synthLandingZone(configDir);
    expect(off.resources("security", "aws_macie2_account")).toEqual({});
    expect(off.resources("security", "aws_inspector2_enabler")).toEqual({});
  });
});

describe("findings alerts and Security Hub tuning", () => {
  test("HIGH and CRITICAL findings go from Security Hub to the encrypted topic, in the audit account's home region", () => {
    const [rule] = all("security", "aws_cloudwatch_event_rule");
    expect(rule).toMatchObject({ region: "us-east-1", name: "nwh-security-hub-findings" });
    expect(rule).not.toHaveProperty("provider");
    expect(JSON.parse(rule.event_pattern).detail.findings.Severity.Label).toEqual([
      "HIGH",
      "CRITICAL",
    ]);
    expect(all("security", "aws_cloudwatch_event_target")).toHaveLength(1);
    const [topic] = all("security", "aws_sns_topic");
    expect(topic).toMatchObject({
      name: "nwh-security-findings",
      kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.findings-alerts_key_/),
    });
    expect(
      all("security", "aws_sns_topic_subscription")
        .map((subscription) => `${subscription.protocol} ${subscription.endpoint}`)
        .sort(),
    ).toEqual([
      "email oncall-security@northwind-health.com",
      "email security@northwind-health.com",
      "https https://events.pagerduty.com/integration/nwh-security-oncall/enqueue",
    ]);
  });

  test("the central policy disables the justified control", () => {
    const [policy] = all("security", "aws_securityhub_configuration_policy");
    expect(
      policy.configuration_policy.security_controls_configuration.disabled_control_identifiers,
    ).toEqual(["IAM.6"]);
  });

  test("without alerts in config, nothing is routed and no topic is made", () => {
    const quiet = synthLandingZone(
      editedExample([["organization.yaml", /\n {2}alerts:\n( {4,}.*\n)+/, "\n"]]),
    );
    expect(quiet.resources("security", "aws_cloudwatch_event_rule")).toEqual({});
    expect(quiet.resources("security", "aws_sns_topic")).toEqual({});
  });
});

describe("Inspector and Macie reach accounts that existed before them", () => {
  const STACK = "security-members";
  const enrolled = (type: string) =>
    all(STACK, type)
      .map((entry) => `${entry.account_id}@${entry.region}`)
      .sort();
  /** An account's id as this stack reads it: a literal when imported, else the owner's output. */
  const idRead = (owner: string, name: string) =>
    `\${data.terraform_remote_state.remote-state-${owner}.outputs.account-id-${name}}`;
  const expected = [
    "111122223333",
    idRead("organization", "log-archive"),
    idRead("organization", "shared-services"),
    idRead("dev", "dev-platform"),
    idRead("dev", "dev-data"),
    idRead("staging", "staging-platform"),
    idRead("staging", "staging-data"),
    "444455556666",
    idRead("prod", "prod-data"),
    idRead("prod", "prod-analytics"),
  ]
    .flatMap((id) => [`${id}@us-east-1`, `${id}@us-west-2`])
    .sort();

  test("every account but the audit account is enrolled in each governed region, imported ones and the management account included", () => {
    expect(enrolled("aws_inspector2_member_association")).toEqual(expected);
    expect(enrolled("aws_macie2_member")).toEqual(expected);
    const members = all(STACK, "aws_macie2_member");
    expect(members.filter((member) => member.account_id === "111122223333")).toEqual([
      expect.objectContaining({ email: "aws+management@northwind-health.com" }),
      expect.objectContaining({ email: "aws+management@northwind-health.com" }),
    ]);
    expect(members.every((member) => member.status === "ENABLED" && member.invite === false)).toBe(
      true,
    );
    const scanning = all(STACK, "aws_inspector2_enabler");
    expect(scanning.map((enabler) => enabler.region).sort()).toEqual(["us-east-1", "us-west-2"]);
    for (const enabler of scanning) {
      expect([...enabler.account_ids].sort()).toEqual(
        expected
          .filter((entry) => entry.endsWith(`@${enabler.region}`))
          .map((entry) => entry.split("@")[0])
          .sort(),
      );
      expect(enabler.resource_types).toEqual(["EC2", "ECR", "LAMBDA"]);
    }
  });

  test("from the audit account, once the services are delegated and every account exists", () => {
    expect(defaultProvider(out.stack(STACK)).allowed_account_ids).toEqual([
      idRead("organization", "audit"),
    ]);
    expect([...out.manifest.stacks[STACK].dependencies].sort()).toEqual([
      "dev",
      "organization",
      "prod",
      "security",
      "staging",
    ]);
  });
});

test("the control matrix shows detection criteria served by real addresses", () => {
  const matrix = fromControlMatrixJson(
    JSON.parse(readFileSync(join(out.outdir, "evidence", "control-matrix.json"), "utf8")),
  );
  const controlsOf = (id: string) =>
    matrix
      .find((criterion: { id: string }) => criterion.id === id)!
      .controls.map((control: { id: string }) => control.id);
  expect(controlsOf("CC7.2")).toEqual(
    expect.arrayContaining(["organization-trail", "security-alarms", "threat-detection"]),
  );
  expect(controlsOf("CC7.1")).toEqual(
    expect.arrayContaining([
      "config-recording",
      "config-conformance-pack",
      "vulnerability-scanning",
    ]),
  );
  expect(controlsOf("CC4.1")).toEqual(
    expect.arrayContaining(["security-posture", "config-aggregation"]),
  );
  for (const criterion of ["CC7.2", "CC7.3", "CC7.4"])
    expect(controlsOf(criterion)).toContain("security-findings-routing");
  const tuning = matrix
    .flatMap((criterion) => criterion.controls)
    .find((control) => control.id === "security-hub-tuning")!;
  expect(controlsOf("CC7.2")).toContain("security-hub-tuning");
  expect(tuning.description).toMatch(
    /IAM\.6 until 2027-03-31 \(Member accounts have no root user credentials/,
  );
});

describe("backup reporting", () => {
  test("report plans in the audit account cover every account and governed region", () => {
    const plans = all("security", "aws_backup_report_plan");
    expect(plans.map((plan) => plan.report_setting.report_template).sort()).toEqual([
      "BACKUP_JOB_REPORT",
      "COPY_JOB_REPORT",
      "RESTORE_JOB_REPORT",
    ]);
    for (const plan of plans) {
      expect(plan.report_setting.regions).toEqual(["us-east-1", "us-west-2"]);
      expect(plan.report_setting.organization_units).toEqual([
        expect.stringMatching(/cross-stack-reference-input-organization/),
      ]);
      expect(plan.report_delivery_channel.s3_bucket_name).toBe("nwh-backup-reports-111122223333");
    }
    const [settings] = all("security", "aws_backup_global_settings");
    expect(settings).toMatchObject({
      provider: "aws.management",
      global_settings: { isCrossAccountBackupEnabled: "true" },
    });
  });

  test("with organization-policy reporting, no report plans are made", () => {
    const configDir = copyExampleConfig();
    const organizationFile = join(configDir, "organization.yaml");
    replaceInFile(
      organizationFile,
      "backupReporting: report-plan",
      "backupReporting: organization-policy",
    );
    expect(synthLandingZone(configDir).resources("security", "aws_backup_report_plan")).toEqual({});
  });
});
