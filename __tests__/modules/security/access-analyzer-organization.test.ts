import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import { findControls } from "../../../compliance/controls/control";
import { AccessAnalyzerOrganization } from "../../../modules/security/access-analyzer-organization";
import type { UnusedAccessAnalysis } from "../../../modules/security/access-analyzer-organization";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

function synthAnalyzers(unusedAccess: UnusedAccessAnalysis) {
  let made!: AccessAnalyzerOrganization;
  const json = synthConstruct((scope) => {
    const delegation = new OrganizationsDelegatedAdministrator(scope, "delegation", {
      accountId: "333344445555",
      servicePrincipal: "access-analyzer.amazonaws.com",
    });
    made = new AccessAnalyzerOrganization(scope, "access-analyzer", {
      namePrefix: "nwh",
      regions: ["us-east-1", "us-west-2", "eu-west-1"],
      homeRegion: "us-west-2",
      unusedAccess,
      delegation,
    });
  });
  return { analyzers: Object.values(resourcesOf(json, "aws_accessanalyzer_analyzer")), made };
}

const DELEGATION = [
  expect.stringMatching(/^aws_organizations_delegated_administrator\.delegation/),
];

test("an organization analyzer in every governed region, once the audit account is delegated", () => {
  const { analyzers, made } = synthAnalyzers({ enabled: false, unusedAccessAgeDays: 90 });
  expect(analyzers.map((analyzer) => analyzer.region)).toEqual([
    "eu-west-1",
    "us-east-1",
    "us-west-2",
  ]);
  for (const analyzer of analyzers)
    expect(analyzer).toEqual({
      region: analyzer.region,
      analyzer_name: "nwh-organization",
      type: "ORGANIZATION",
      depends_on: DELEGATION,
    });
  expect(findControls(made).map((placement) => placement.control.id)).toEqual(["access-analysis"]);
});

test("one unused-access analyzer, in the home region only, with the configured age", () => {
  const { analyzers } = synthAnalyzers({ enabled: true, unusedAccessAgeDays: 45 });
  expect(analyzers.filter((analyzer) => analyzer.type === "ORGANIZATION")).toHaveLength(3);
  expect(analyzers.filter((analyzer) => analyzer.type !== "ORGANIZATION")).toEqual([
    {
      region: "us-west-2",
      analyzer_name: "nwh-organization-unused-access",
      type: "ORGANIZATION_UNUSED_ACCESS",
      configuration: { unused_access: { unused_access_age: 45 } },
      depends_on: DELEGATION,
    },
  ]);
});
