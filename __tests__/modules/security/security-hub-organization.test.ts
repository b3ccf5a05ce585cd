import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import {
  SecurityHubOrganization,
  securityHubStandards,
} from "../../../modules/security/security-hub-organization";
import type { DisabledSecurityControl } from "../../../modules/security/security-hub-organization";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const AUDIT = "333344445555";

function synthHub(regions: string[], disabledControls?: DisabledSecurityControl[]) {
  let made!: SecurityHubOrganization;
  const json = synthConstruct((scope) => {
    made = new SecurityHubOrganization(scope, "security-hub", {
      partition: "aws",
      homeRegion: "us-west-2",
      regions,
      adminAccountId: AUDIT,
      rootId: "r-ab12",
      management: new AwsProvider(scope, "management", {
        region: "us-east-1",
        alias: "management",
      }),
      disabledControls,
    });
  });
  return { json, made };
}
const only = (json: StackJson, type: string) => resourceNamed(json, type, "security-hub");
const dependsOn = (type: string, id: string) => [
  expect.stringMatching(new RegExp(`^${type}\\.security-hub_${id}_`)),
];

test("the standards are AWS FSBP and CIS AWS Foundations v3.0, of the region and partition", () => {
  expect(securityHubStandards("aws-us-gov", "us-gov-west-1")).toEqual([
    "arn:aws-us-gov:securityhub:us-gov-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
    "arn:aws-us-gov:securityhub:us-gov-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
  ]);
});

describe("central configuration from the audit account", () => {
  let json: StackJson;
  let made: SecurityHubOrganization;
  beforeAll(() => {
    ({ json, made } = synthHub(["us-east-1", "us-west-2", "eu-west-1"]));
  });

  test("everything is in the home region; only the delegation is made by the management account", () => {
    for (const resources of Object.values<Record<string, StackJson>>(json.resource))
      for (const resource of Object.values(resources)) expect(resource.region).toBe("us-west-2");
    expect(only(json, "aws_securityhub_organization_admin_account")).toEqual({
      provider: "aws.management",
      region: "us-west-2",
      admin_account_id: AUDIT,
    });
  });

  test("the audit account's hub takes no default standards: the policy decides them", () => {
    expect(only(json, "aws_securityhub_account")).toEqual({
      region: "us-west-2",
      enable_default_standards: false,
      auto_enable_controls: true,
      depends_on: dependsOn("aws_securityhub_organization_admin_account", "delegation"),
    });
  });

  test("findings of the other governed regions are aggregated home", () => {
    expect(only(json, "aws_securityhub_finding_aggregator")).toEqual({
      region: "us-west-2",
      linking_mode: "SPECIFIED_REGIONS",
      specified_regions: ["us-east-1", "eu-west-1"],
      // cdktf leaves "hub" out of the address: "security-hub" already ends with it.
      depends_on: [expect.stringMatching(/^aws_securityhub_account\.security-hub_[0-9A-F]{8}$/)],
    });
  });

  test("configuration is central, and one policy with both standards applies to the whole organization", () => {
    expect(only(json, "aws_securityhub_organization_configuration")).toEqual({
      region: "us-west-2",
      auto_enable: false,
      auto_enable_standards: "NONE",
      organization_configuration: { configuration_type: "CENTRAL" },
      depends_on: dependsOn("aws_securityhub_finding_aggregator", "finding-aggregator"),
    });
    expect(only(json, "aws_securityhub_configuration_policy")).toMatchObject({
      name: "landing-zone-baseline",
      configuration_policy: {
        service_enabled: true,
        enabled_standard_arns: securityHubStandards("aws", "us-west-2"),
        security_controls_configuration: { disabled_control_identifiers: [] },
      },
      depends_on: dependsOn("aws_securityhub_organization_configuration", "central-configuration"),
    });
    expect(only(json, "aws_securityhub_configuration_policy_association")).toEqual({
      region: "us-west-2",
      policy_id: expect.stringMatching(
        /^\$\{aws_securityhub_configuration_policy\.security-hub_policy_\w+\.id\}$/,
      ),
      target_id: "r-ab12",
    });
  });

  test("declares the security-posture control", () => {
    expect(findControls(made).map((placement) => placement.control.id)).toEqual([
      "security-posture",
    ]);
  });
});

test("with the home region alone, no regions are linked", () => {
  const { json } = synthHub(["us-west-2"]);
  const aggregator = only(json, "aws_securityhub_finding_aggregator");
  expect(aggregator.linking_mode).toBe("NO_REGIONS");
  expect(aggregator).not.toHaveProperty("specified_regions");
  expect(Object.keys(resourcesOf(json, "aws_securityhub_account"))).toHaveLength(1);
});

describe("tuning: controls disabled with a justification", () => {
  const disabled = [
    {
      control: "IAM.6",
      justification: "Member accounts have no root user credentials to protect.",
      expires: "2027-03-31",
    },
    {
      control: "EC2.10",
      justification: "Workloads reach EC2 APIs through the NAT gateway, logged by VPC flow logs.",
      expires: "2027-01-15",
    },
  ];
  let json: StackJson;
  let made: SecurityHubOrganization;
  beforeAll(() => {
    ({ json, made } = synthHub(["us-west-2"], disabled));
  });

  test("the central policy disables them for every account, region and standard", () => {
    expect(only(json, "aws_securityhub_configuration_policy").configuration_policy).toMatchObject({
      enabled_standard_arns: securityHubStandards("aws", "us-west-2"),
      security_controls_configuration: { disabled_control_identifiers: ["IAM.6", "EC2.10"] },
    });
    // Per-standard resources would tune the audit account alone, and central configuration
    // leaves controls to the policy.
    expect(resourcesOf(json, "aws_securityhub_standards_control_association")).toEqual({});
    expect(resourcesOf(json, "aws_securityhub_standards_control")).toEqual({});
  });

  test("the evidence names each disabled control with its justification and expiry", () => {
    const tuning = findControls(made).find(
      (placement) => placement.control.id === "security-hub-tuning",
    )!.control;
    expect(tuning.criteria).toEqual(["CC7.2"]);
    expect(tuning.description).toContain(
      "IAM.6 until 2027-03-31 (Member accounts have no root user credentials to protect)",
    );
    expect(tuning.description).toContain(
      "EC2.10 until 2027-01-15 (Workloads reach EC2 APIs through the NAT gateway, logged by VPC flow logs)",
    );
  });
});
