import {
  ConfigServiceClient,
  DescribeConformancePackComplianceCommand,
  DescribeConformancePacksCommand,
  GetConformancePackComplianceDetailsCommand,
} from "@aws-sdk/client-config-service";
import { mockClient } from "aws-sdk-client-mock";
import { CONFIG_CONFORMANCE_PACKS } from "../../../../cli/evidence-collection/collectors/config-conformance-packs";
import { collect, exampleRun, IDS } from "../evidence-run-fixture";

const config = mockClient(ConfigServiceClient);
afterAll(() => config.restore());

const PACK = "OrgConformsPack-nwh-soc2-a1b2c3d4";

test("records each rule's compliance and the non-compliant resources, and flags the rule", async () => {
  config.reset();
  // Only us-east-1 has the pack: the other governed region is flagged.
  config.on(DescribeConformancePacksCommand).callsFake(async (_input, getClient) => ({
    ConformancePackDetails:
      (await getClient().config.region()) === "us-east-1"
        ? [{ ConformancePackName: PACK, ConformancePackArn: "arn", ConformancePackId: "id" }]
        : [],
  }));
  config.on(DescribeConformancePackComplianceCommand).resolves({
    ConformancePackName: PACK,
    ConformancePackRuleComplianceList: [
      { ConfigRuleName: "s3-bucket-versioning-enabled", ComplianceType: "NON_COMPLIANT" },
      { ConfigRuleName: "cloudtrail-enabled", ComplianceType: "COMPLIANT" },
    ],
  });
  config.on(GetConformancePackComplianceDetailsCommand).resolves({
    ConformancePackName: PACK,
    ConformancePackRuleEvaluationResults: [
      {
        ComplianceType: "NON_COMPLIANT",
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: {
            ConfigRuleName: "s3-bucket-versioning-enabled",
            ResourceType: "AWS::S3::Bucket",
            ResourceId: "scratch-bucket",
          },
        },
        ConfigRuleInvokedTime: new Date("2026-05-31T00:00:00Z"),
        ResultRecordedTime: new Date("2026-05-31T00:01:00Z"),
      },
    ],
  });
  const { flags, results, summary } = await collect(CONFIG_CONFORMANCE_PACKS, await exampleRun());
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    region: "us-east-1",
    issue: `${PACK}: s3-bucket-versioning-enabled is non-compliant (1 resource)`,
  });
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    region: "us-west-2",
    issue: "no nwh-soc2 conformance pack",
  });
  const devData = (
    results as { accounts: { accountId: string; region: string; conformancePacks: unknown[] }[] }
  ).accounts.find((entry) => entry.accountId === IDS["dev-data"] && entry.region === "us-east-1");
  expect(devData?.conformancePacks).toEqual([
    {
      name: PACK,
      rules: [
        { rule: "s3-bucket-versioning-enabled", compliance: "NON_COMPLIANT" },
        { rule: "cloudtrail-enabled", compliance: "COMPLIANT" },
      ],
      nonCompliantResources: [
        {
          rule: "s3-bucket-versioning-enabled",
          resourceType: "AWS::S3::Bucket",
          resourceId: "scratch-bucket",
          recorded: "2026-05-31T00:01:00.000Z",
          annotation: null,
        },
      ],
    },
  ]);
  expect(summary).toMatchObject({ accountRegions: 12, packs: 6, nonCompliantResources: 6 });
});
