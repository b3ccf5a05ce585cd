import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import { findControls } from "../../../compliance/controls/control";
import { OrganizationConfigAggregator } from "../../../modules/aws-config/organization-config-aggregator";
import type { OrganizationConfigAggregatorProps } from "../../../modules/aws-config/organization-config-aggregator";
import { CONFIG_AGGREGATION_CONTROL } from "../../../modules/security/security-service-control";
import { ruleViolations } from "../../helpers/rule-violations";
import { decideUnder } from "../../helpers/simulate-policy";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { Construct } from "constructs";

const AUDIT = "222233334444";

/** The aggregator after the two delegations the security stack registers for Config. */
function build(
  scope: Construct,
  props: Partial<OrganizationConfigAggregatorProps> = {},
): OrganizationConfigAggregator {
  const delegations = ["config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"].map(
    (servicePrincipal) =>
      new OrganizationsDelegatedAdministrator(scope, `delegate-${servicePrincipal.split(".")[0]}`, {
        accountId: AUDIT,
        servicePrincipal,
      }),
  );
  return new OrganizationConfigAggregator(scope, "aggregator", {
    name: "nwh-organization",
    partition: "aws",
    homeRegion: "us-west-2",
    accountId: AUDIT,
    delegations,
    ...props,
  });
}

type Json = ReturnType<typeof synthConstruct>;
let json: Json;
beforeAll(() => {
  json = synthConstruct((scope) => build(scope));
});
const role = () => resourceNamed(json, "aws_iam_role", "aggregator_role_");

test("every rule of the guardrail pack passes", () => {
  expect(ruleViolations(json)).toEqual([]);
});

test("one aggregator in the home region covers every region of the organization", () => {
  expect(Object.values(resourcesOf(json, "aws_config_configuration_aggregator"))).toEqual([
    {
      region: "us-west-2",
      name: "nwh-organization",
      organization_aggregation_source: {
        all_regions: true,
        role_arn: expect.stringMatching(/^\$\{aws_iam_role\.aggregator_role_[0-9A-F]+\.arn\}$/),
      },
      // Config reads the organization only once its role may, and the account is its
      // delegated administrator.
      depends_on: [
        expect.stringMatching(
          /^aws_iam_role_policy_attachment\.aggregator_organization-read_[0-9A-F]+$/,
        ),
        "aws_organizations_delegated_administrator.delegate-config",
        "aws_organizations_delegated_administrator.delegate-config-multiaccountsetup",
      ],
    },
  ]);
});

test("the role is named after the aggregator and has AWS's organization policy for Config", () => {
  expect(role().name).toBe("nwh-organization-aggregator");
  expect(Object.values(resourcesOf(json, "aws_iam_role_policy_attachment"))).toEqual([
    {
      role: expect.stringMatching(/^\$\{aws_iam_role\.aggregator_role_[0-9A-F]+\.name\}$/),
      policy_arn: "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations",
    },
  ]);
});

test("the trust policy names Config for this account only", () => {
  expect(parsedPolicy(role().assume_role_policy as string).Statement).toEqual([
    {
      Sid: "ConfigOfThisAccountOnly",
      Effect: "Allow",
      Principal: { Service: "config.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": AUDIT } },
    },
  ]);
});

describe("the trust policy, decided by the IAM policy evaluator", () => {
  const assume = (principal: string, sourceAccount: string) =>
    decideUnder(parsedPolicy(role().assume_role_policy as string), {
      principal,
      action: "sts:AssumeRole",
      resource: `arn:aws:iam::${AUDIT}:role/nwh-organization-aggregator`,
      resourceAccount: AUDIT,
      context: { "aws:SourceAccount": sourceAccount },
    });

  test("Config acting for the audit account may assume the role", async () => {
    expect(await assume("config.amazonaws.com", AUDIT)).toBe("Allowed");
  });

  test("Config acting for another account may not (confused deputy), nor may another service", async () => {
    expect(await assume("config.amazonaws.com", "999988887777")).toBe("ImplicitlyDenied");
    expect(await assume("lambda.amazonaws.com", AUDIT)).toBe("ImplicitlyDenied");
  });
});

test("the managed policy's ARN is in the organization's partition", () => {
  const govCloud = synthConstruct((scope) => build(scope, { partition: "aws-us-gov" }));
  expect(Object.values(resourcesOf(govCloud, "aws_iam_role_policy_attachment"))[0].policy_arn).toBe(
    "arn:aws-us-gov:iam::aws:policy/service-role/AWSConfigRoleForOrganizations",
  );
});

test("declares the config-aggregation control, for the evidence", () => {
  let aggregator: OrganizationConfigAggregator | undefined;
  synthConstruct((scope) => {
    aggregator = build(scope);
  });
  expect(findControls(aggregator!)).toEqual([
    { control: CONFIG_AGGREGATION_CONTROL, constructPath: aggregator!.node.path },
  ]);
});
