import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import { MacieOrganization } from "../../../modules/security/macie-organization";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const AUDIT = "333344445555";
const REGIONS = ["us-east-1", "us-west-2"];

let json: StackJson;
let made: MacieOrganization;
beforeAll(() => {
  json = synthConstruct((scope) => {
    made = new MacieOrganization(scope, "macie", {
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
  "%s: Macie is on in the audit account, delegated to it by the management account, and auto-enabled once both are done",
  (region) => {
    expect(resourceNamed(json, "aws_macie2_account", region)).toEqual({
      region,
      status: "ENABLED",
    });
    expect(resourceNamed(json, "aws_macie2_organization_admin_account", region)).toEqual({
      provider: "aws.management",
      region,
      admin_account_id: AUDIT,
    });
    const configuration = resourceNamed(json, "aws_macie2_organization_configuration", region);
    expect(configuration).toMatchObject({ region, auto_enable: true });
    expect([...configuration.depends_on].sort()).toEqual([
      expect.stringMatching(new RegExp(`^aws_macie2_account\\.macie_account-${region}_`)),
      expect.stringMatching(
        new RegExp(`^aws_macie2_organization_admin_account\\.macie_delegation-${region}_`),
      ),
    ]);
  },
);

test("one of each per governed region; the data-discovery control is declared", () => {
  for (const type of [
    "aws_macie2_account",
    "aws_macie2_organization_admin_account",
    "aws_macie2_organization_configuration",
  ])
    expect(Object.values(resourcesOf(json, type)).map((resource) => resource.region)).toEqual(
      REGIONS,
    );
  expect(findControls(made).map((placement) => placement.control.id)).toEqual([
    "sensitive-data-discovery",
  ]);
});
