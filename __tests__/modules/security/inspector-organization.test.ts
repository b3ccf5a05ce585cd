import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import {
  INSPECTOR_SCANNED_RESOURCES,
  InspectorOrganization,
} from "../../../modules/security/inspector-organization";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const AUDIT = "333344445555";
const REGIONS = ["us-east-1", "us-west-2"];

let json: StackJson;
let made: InspectorOrganization;
beforeAll(() => {
  json = synthConstruct((scope) => {
    made = new InspectorOrganization(scope, "inspector", {
      regions: REGIONS,
      adminAccountId: AUDIT,
      management: new AwsProvider(scope, "management", {
        region: "us-east-1",
        alias: "management",
      }),
    });
  });
});

test.each(REGIONS)(
  "%s: the management account delegates Inspector to the audit account, which then scans itself",
  (region) => {
    expect(resourceNamed(json, "aws_inspector2_delegated_admin_account", region)).toEqual({
      provider: "aws.management",
      region,
      account_id: AUDIT,
    });
    expect(resourceNamed(json, "aws_inspector2_enabler", region)).toEqual({
      region,
      account_ids: [AUDIT],
      resource_types: ["EC2", "ECR", "LAMBDA"],
      depends_on: [
        expect.stringMatching(
          new RegExp(`^aws_inspector2_delegated_admin_account\\.inspector_delegation-${region}_`),
        ),
      ],
    });
  },
);

test.each(REGIONS)(
  "%s: accounts that join later are scanned for what the audit account is scanned for",
  (region) => {
    const configuration = resourceNamed(json, "aws_inspector2_organization_configuration", region);
    expect(configuration.depends_on).toEqual([
      expect.stringMatching(
        new RegExp(`^aws_inspector2_enabler\\.inspector_audit-account-${region}_`),
      ),
    ]);
    const autoEnabled = Object.entries(configuration.auto_enable)
      .filter(([, on]) => on === true)
      .map(([type]) => type.toUpperCase())
      .sort();
    expect(autoEnabled).toEqual([...INSPECTOR_SCANNED_RESOURCES].sort());
  },
);

test("nothing outside the governed regions; the vulnerability-scanning control is declared", () => {
  expect(
    Object.values(resourcesOf(json, "aws_inspector2_organization_configuration")).map(
      (configuration) => configuration.region,
    ),
  ).toEqual(REGIONS);
  expect(findControls(made).map((placement) => placement.control.id)).toEqual([
    "vulnerability-scanning",
  ]);
});
