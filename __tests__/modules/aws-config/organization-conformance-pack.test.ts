import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import { parse } from "yaml";
import { findControls } from "../../../compliance/controls/control";
import {
  CONFORMANCE_PACK_CONTROL,
  conformancePackTemplate,
  OrganizationConformancePack,
} from "../../../modules/aws-config/organization-conformance-pack";
import type { OrganizationConformancePackProps } from "../../../modules/aws-config/organization-conformance-pack";
import { soc2ConfigRules } from "../../../modules/aws-config/soc2-config-rules";
import type { ManagedConfigRule } from "../../../modules/aws-config/soc2-config-rules";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

interface Template {
  Resources: Record<
    string,
    {
      Type: string;
      Properties: {
        ConfigRuleName: string;
        Source: { Owner: string; SourceIdentifier: string };
        InputParameters?: Record<string, string>;
      };
    }
  >;
}

const RULES: ManagedConfigRule[] = [
  { identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", criteria: ["CC6.7"] },
  {
    identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
    criteria: ["CC7.2"],
    parameters: { MinRetentionTime: "365" },
  },
];

describe("the template", () => {
  const template = parse(conformancePackTemplate(RULES)) as Template;

  test("has one AWS managed Config rule per rule, named in kebab case", () => {
    expect(template).toEqual({
      Resources: {
        S3BucketSslRequestsOnly: {
          Type: "AWS::Config::ConfigRule",
          Properties: {
            ConfigRuleName: "s3-bucket-ssl-requests-only",
            Source: { Owner: "AWS", SourceIdentifier: "S3_BUCKET_SSL_REQUESTS_ONLY" },
          },
        },
        CwLoggroupRetentionPeriodCheck: {
          Type: "AWS::Config::ConfigRule",
          Properties: {
            ConfigRuleName: "cw-loggroup-retention-period-check",
            Source: { Owner: "AWS", SourceIdentifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK" },
            InputParameters: { MinRetentionTime: "365" },
          },
        },
      },
    });
  });

  test("every SOC 2 rule gets a distinct CloudFormation resource name of letters and digits", () => {
    const rules = soc2ConfigRules({ minimumLogRetentionDays: 365, minimumBackupRetentionDays: 35 });
    const names = Object.keys((parse(conformancePackTemplate(rules)) as Template).Resources);
    expect(names).toHaveLength(rules.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9]+$/);
  });
});

describe("the construct", () => {
  const synthPack = (props: Partial<OrganizationConformancePackProps> = {}) =>
    synthConstruct((scope) => {
      const delegation = new OrganizationsDelegatedAdministrator(scope, "delegate-config", {
        accountId: "222233334444",
        servicePrincipal: "config.amazonaws.com",
      });
      new OrganizationConformancePack(scope, "pack", {
        name: "nwh-soc2",
        rules: RULES,
        dependsOn: [delegation],
        ...props,
      });
    });

  test("deploys the template to the organization, after the delegation it needs", () => {
    expect(
      Object.values(resourcesOf(synthPack(), "aws_config_organization_conformance_pack")),
    ).toEqual([
      {
        name: "nwh-soc2",
        template_body: conformancePackTemplate(RULES),
        depends_on: ["aws_organizations_delegated_administrator.delegate-config"],
      },
    ]);
  });

  test("without dependencies, the pack has none", () => {
    const [pack] = Object.values(
      resourcesOf(synthPack({ dependsOn: undefined }), "aws_config_organization_conformance_pack"),
    );
    expect(pack).not.toHaveProperty("depends_on");
  });

  test("refuses a rule listed twice, naming it", () => {
    expect(() =>
      synthPack({ rules: [...RULES, { identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", criteria: [] }] }),
    ).toThrow("Config rule S3_BUCKET_SSL_REQUESTS_ONLY is listed twice in the conformance pack");
  });

  test("declares the conformance-pack control, for the evidence", () => {
    let pack: OrganizationConformancePack | undefined;
    synthConstruct((scope) => {
      pack = new OrganizationConformancePack(scope, "pack", { name: "nwh-soc2", rules: RULES });
    });
    expect(findControls(pack!)).toEqual([
      { control: CONFORMANCE_PACK_CONTROL, constructPath: pack!.node.path },
    ]);
  });
});
