import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import {
  GuardDutyOrganization,
  guardDutyFeatures,
} from "../../../modules/security/guardduty-organization";
import type { GuardDutyProtections } from "../../../modules/security/guardduty-organization";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const AUDIT = "333344445555";
const BUCKET = "arn:aws:s3:::nwh-log-archive-cloudtrail-111122223333";
const KEY = "arn:aws:kms:us-east-1:222233334444:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const allOff: GuardDutyProtections = {
  s3Protection: false,
  eksProtection: false,
  malwareProtection: false,
  rdsProtection: false,
  lambdaProtection: false,
  runtimeMonitoring: false,
};
const allOn: GuardDutyProtections = {
  s3Protection: true,
  eksProtection: true,
  malwareProtection: true,
  rdsProtection: true,
  lambdaProtection: true,
  runtimeMonitoring: true,
};

function synthGuardDuty(protections: GuardDutyProtections) {
  let made!: GuardDutyOrganization;
  const json = synthConstruct((scope) => {
    made = new GuardDutyOrganization(scope, "guardduty", {
      regions: ["us-east-1", "us-west-2"],
      adminAccountId: AUDIT,
      protections,
      findingsBucketArn: BUCKET,
      findingsKeyArn: KEY,
      management: new AwsProvider(scope, "management", {
        region: "us-east-1",
        alias: "management",
      }),
    });
  });
  return { json, made };
}

describe("protection plans", () => {
  test.each<[keyof GuardDutyProtections, string]>([
    ["s3Protection", "S3_DATA_EVENTS"],
    ["eksProtection", "EKS_AUDIT_LOGS"],
    ["malwareProtection", "EBS_MALWARE_PROTECTION"],
    ["rdsProtection", "RDS_LOGIN_EVENTS"],
    ["lambdaProtection", "LAMBDA_NETWORK_LOGS"],
    ["runtimeMonitoring", "RUNTIME_MONITORING"],
  ])("%s alone turns on the %s feature", (protection, feature) => {
    expect(guardDutyFeatures({ ...allOff, [protection]: true })).toEqual([feature]);
  });

  test("all off, no features; all on, all six", () => {
    expect(guardDutyFeatures(allOff)).toEqual([]);
    expect(guardDutyFeatures(allOn)).toHaveLength(6);
  });
});

describe("in every governed region", () => {
  let json: StackJson;
  let made: GuardDutyOrganization;
  beforeAll(() => {
    ({ json, made } = synthGuardDuty({ ...allOff, s3Protection: true, runtimeMonitoring: true }));
  });

  test.each(["us-east-1", "us-west-2"])(
    "%s: the management account delegates to the audit account, whose detector comes after",
    (region) => {
      expect(resourceNamed(json, "aws_guardduty_organization_admin_account", region)).toEqual({
        provider: "aws.management",
        region,
        admin_account_id: AUDIT,
      });
      const detector = resourceNamed(json, "aws_guardduty_detector", region);
      expect(detector).toEqual({
        region,
        enable: true,
        finding_publishing_frequency: "FIFTEEN_MINUTES",
        depends_on: [
          expect.stringMatching(
            new RegExp(
              `^aws_guardduty_organization_admin_account\\.guardduty_delegation-${region}_`,
            ),
          ),
        ],
      });
    },
  );

  test.each(["us-east-1", "us-west-2"])(
    "%s: every account, existing and new, is enrolled with the configured plans",
    (region) => {
      const detector = new RegExp(
        `^\\$\\{aws_guardduty_detector\\.guardduty_detector-${region}_\\w+\\.id\\}$`,
      );
      expect(resourceNamed(json, "aws_guardduty_organization_configuration", region)).toEqual({
        region,
        detector_id: expect.stringMatching(detector),
        auto_enable_organization_members: "ALL",
      });
      const features = Object.values(
        resourcesOf(json, "aws_guardduty_organization_configuration_feature"),
      ).filter((feature) => feature.region === region);
      expect(features).toEqual(
        // By address, which the feature name is part of.
        ["RUNTIME_MONITORING", "S3_DATA_EVENTS"].map((name) => ({
          region,
          detector_id: expect.stringMatching(detector),
          name,
          auto_enable: "ALL",
        })),
      );
    },
  );

  test("findings are exported, encrypted, to the log archive from every region", () => {
    const exports = Object.values(resourcesOf(json, "aws_guardduty_publishing_destination"));
    expect(exports.map((destination) => destination.region)).toEqual(["us-east-1", "us-west-2"]);
    for (const destination of exports)
      expect(destination).toMatchObject({
        destination_type: "S3",
        destination_arn: BUCKET,
        kms_key_arn: KEY,
      });
  });

  test("declares the threat-detection control", () => {
    expect(findControls(made).map((placement) => placement.control.id)).toEqual([
      "threat-detection",
    ]);
  });
});

test("with every plan off, accounts are still enrolled, with no features", () => {
  const { json } = synthGuardDuty(allOff);
  expect(resourcesOf(json, "aws_guardduty_organization_configuration_feature")).toEqual({});
  expect(Object.keys(resourcesOf(json, "aws_guardduty_organization_configuration"))).toHaveLength(
    2,
  );
});
