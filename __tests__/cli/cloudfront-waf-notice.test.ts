import { cloudFrontWafNotices } from "../../cli/cloudfront-waf-notice";
import { formatSummary } from "../../cli/synth-summary";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { EXAMPLE_CONFIG_DIR } from "../helpers/example-config";

let example: LandingZoneConfig;

beforeAll(() => {
  example = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
});

/**
 * The example as if it governed only `governedRegions`, with CloudFront web ACLs in the named
 * environments. Changed in memory: moving the example's home region away from us-east-1 would
 * ripple through every file.
 */
function withRegions(
  governedRegions: string[],
  cloudFrontIn: readonly string[] = ["prod"],
): Pick<LandingZoneConfig, "organization" | "environments"> {
  return {
    organization: {
      ...example.organization,
      config: { ...example.organization.config, governedRegions },
    },
    environments: example.environments.map((environment) => ({
      ...environment,
      config: {
        ...environment.config,
        baseline: {
          ...environment.config.baseline,
          waf: environment.config.baseline.waf && {
            ...environment.config.baseline.waf,
            cloudFront: cloudFrontIn.includes(environment.config.name),
          },
        },
      },
    })),
  };
}

const PROD_NOTICE =
  "prod: its CloudFront web ACL is deployed in us-east-1, which is not a governed region, so no AWS Config recorder records it there: the control matrix lists the web ACL, but no Config history of its changes backs that row. Govern us-east-1, or review the web ACL by hand (docs/operations-baseline.md#cloudfront-outside-the-governed-regions).";

test("the example governs us-east-1, so prod's CloudFront web ACL needs no notice", () => {
  expect(example.organization.config.governedRegions).toContain("us-east-1");
  expect(
    example.environments.find((env) => env.config.name === "prod")!.config.baseline.waf,
  ).toMatchObject({ cloudFront: true });
  expect(cloudFrontWafNotices(example)).toEqual([]);
});

test("without us-east-1 governed, each environment with a CloudFront web ACL gets a notice naming it, the gap and the fix", () => {
  expect(cloudFrontWafNotices(withRegions(["us-west-2"]))).toEqual([PROD_NOTICE]);
  const notices = cloudFrontWafNotices(
    withRegions(["eu-west-1", "us-west-2"], ["prod", "staging"]),
  );
  expect(notices).toHaveLength(2);
  expect(notices.map((notice) => notice.split(":")[0]).sort()).toEqual(["prod", "staging"]);
  expect(notices).toContain(PROD_NOTICE);
  expect(notices.find((notice) => notice.startsWith("staging:"))).toBe(
    PROD_NOTICE.replace(/^prod:/, "staging:"),
  );
});

test("environments without a CloudFront web ACL get no notice, governed or not", () => {
  expect(cloudFrontWafNotices(withRegions(["us-west-2"], []))).toEqual([]);
});

test("the synth summary prints each notice as a Note line after the stacks", () => {
  const summary = formatSummary("cdktf.out", [], 1000, {
    notices: cloudFrontWafNotices(withRegions(["us-west-2"])),
  });
  expect(summary.split("\n").at(-1)).toBe(`Note: ${PROD_NOTICE}`);
  expect(formatSummary("cdktf.out", [], 1000, { notices: [] })).not.toContain("Note:");
});
