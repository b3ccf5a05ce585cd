import { TerraformStack, Testing } from "cdktf";
import { findControls } from "../../../compliance/controls/control";
import { OptInRegions } from "../../../modules/vending/opt-in-regions";
import type { OptInRegionsProps } from "../../../modules/vending/opt-in-regions";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const synthRegions = (props: OptInRegionsProps) => {
  let made!: OptInRegions;
  const json = synthConstruct((scope) => {
    made = new OptInRegions(scope, "opt-in", props);
  });
  return { regions: Object.values(resourcesOf(json, "aws_account_region")), made };
};

test("a member account's opt-in regions are enabled from the management account, once each, and never destroyed", () => {
  const { regions, made } = synthRegions({
    accountId: "444455556666",
    regions: ["me-central-1", "ap-east-1", "me-central-1"],
  });
  expect(regions).toEqual(
    ["ap-east-1", "me-central-1"].map((region_name) => ({
      account_id: "444455556666",
      region_name,
      enabled: true,
      lifecycle: { prevent_destroy: true },
    })),
  );
  expect(findControls(made).map(({ control }) => control.id)).toEqual(["opt-in-regions"]);
});

test("the management account's own regions are enabled without an account id, which the API refuses there", () => {
  const { regions } = synthRegions({ regions: ["af-south-1"] });
  expect(regions).toEqual([
    { region_name: "af-south-1", enabled: true, lifecycle: { prevent_destroy: true } },
  ]);
});

describe("refuses what can't be enabled", () => {
  const build = (props: OptInRegionsProps) => () =>
    new OptInRegions(new TerraformStack(Testing.app(), "organization"), "opt-in", props);

  test.each<[string, OptInRegionsProps, string]>([
    [
      "no region",
      { regions: [] },
      "OptInRegions needs at least one opt-in region to enable, got []",
    ],
    [
      "a region name that isn't one",
      { regions: ["Middle East (UAE)", "me-central-1"] },
      'OptInRegions takes region codes such as me-central-1, got "Middle East (UAE)"',
    ],
    [
      "an account id that isn't one",
      { accountId: "prod-data", regions: ["me-central-1"] },
      'OptInRegions needs a 12-digit account id, got "prod-data"',
    ],
  ])("%s", (_, props, message) => {
    expect(build(props)).toThrow(message);
  });
});
