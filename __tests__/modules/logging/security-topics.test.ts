import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { securityTopicArn, SecurityTopics } from "../../../modules/logging/security-topics";
import { decideUnder } from "../../helpers/simulate-policy";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const MANAGEMENT = "111122223333";
const OTHER = "999988887777";
const ORGANIZATION = "o-k7q2mz4x9a";
const REGIONS = ["us-east-1", "us-west-2"];
const CONTACTS = ["security@example.com", "oncall@example.com"];

let json: StackJson;
let topics: SecurityTopics;
beforeAll(() => {
  json = synthConstruct((scope) => {
    topics = new SecurityTopics(scope, "security-topics", {
      topicName: "nwh-security-alerts",
      keyAlias: "nwh/alerts",
      regions: REGIONS,
      partition: "aws",
      managementAccountId: MANAGEMENT,
      organizationId: ORGANIZATION,
      contacts: CONTACTS,
      provider: new AwsProvider(scope, "management", { region: "us-east-1", alias: "management" }),
    });
  });
});

test("the topic's ARN is known before it exists", () => {
  expect(securityTopicArn("aws-us-gov", "us-gov-west-1", MANAGEMENT, "nwh-security-alerts")).toBe(
    `arn:aws-us-gov:sns:us-gov-west-1:${MANAGEMENT}:nwh-security-alerts`,
  );
});

test.each(REGIONS)("in %s, a topic encrypted with a key of its own region", (region) => {
  const topic = resourceNamed(json, "aws_sns_topic", `topic-${region}`);
  expect(topic).toEqual({
    provider: "aws.management",
    region,
    name: "nwh-security-alerts",
    kms_master_key_id: expect.stringMatching(
      new RegExp(`^\\$\\{aws_kms_key\\.security-topics_key-${region}_\\w+\\.arn\\}$`),
    ),
  });
  expect(resourceNamed(json, "aws_kms_key", `key-${region}`)).toMatchObject({
    provider: "aws.management",
    region,
    enable_key_rotation: true,
    lifecycle: { prevent_destroy: true },
  });
  expect(resourceNamed(json, "aws_kms_alias", `key-${region}`)).toMatchObject({
    region,
    name: "alias/nwh/alerts",
  });
});

test.each(REGIONS)("in %s, every contact is subscribed by email", (region) => {
  const subscriptions = Object.values(resourcesOf(json, "aws_sns_topic_subscription")).filter(
    (subscription) => subscription.region === region,
  );
  expect(subscriptions).toEqual(
    CONTACTS.map((endpoint) => ({
      provider: "aws.management",
      region,
      protocol: "email",
      endpoint,
      topic_arn: expect.stringMatching(
        new RegExp(`^\\$\\{aws_sns_topic\\.security-topics_topic-${region}_\\w+\\.arn\\}$`),
      ),
    })),
  );
});

describe("the topic policy", () => {
  const region = "us-west-2";
  const arn = securityTopicArn("aws", region, MANAGEMENT, "nwh-security-alerts");
  const policy = () =>
    parsedPolicy(resourceNamed(json, "aws_sns_topic_policy", `topic-policy-${region}`).policy);
  const decide = (principal: string, action: string, context: Record<string, string> = {}) =>
    decideUnder(policy(), {
      principal,
      action,
      resource: arn,
      resourceAccount: MANAGEMENT,
      context,
    });

  test("is about this region's topic", () => {
    expect(policy().Statement.map((statement) => statement.Resource)).toEqual([arn, arn, arn]);
  });

  test.each([
    [
      "alarms of the management account may publish",
      "cloudwatch.amazonaws.com",
      { "aws:SourceAccount": MANAGEMENT },
      "Allowed",
    ],
    [
      "alarms of another account may not",
      "cloudwatch.amazonaws.com",
      { "aws:SourceAccount": OTHER },
      "ImplicitlyDenied",
    ],
    [
      "AWS Backup of any account of the organization may publish",
      "backup.amazonaws.com",
      { "aws:SourceOrgID": ORGANIZATION },
      "Allowed",
    ],
    [
      "AWS Backup of another organization may not",
      "backup.amazonaws.com",
      { "aws:SourceOrgID": "o-otherorg01" },
      "ImplicitlyDenied",
    ],
    [
      "no other service may",
      "events.amazonaws.com",
      { "aws:SourceAccount": MANAGEMENT },
      "ImplicitlyDenied",
    ],
  ])("%s", async (_, principal, context, expected) => {
    expect(await decide(principal, "sns:Publish", context)).toBe(expected);
  });

  test("the management account manages the topic; another account may not even subscribe", async () => {
    expect(await decide(`arn:aws:iam::${MANAGEMENT}:role/Admin`, "sns:SetTopicAttributes")).toBe(
      "Allowed",
    );
    expect(await decide(`arn:aws:iam::${OTHER}:role/Admin`, "sns:Subscribe")).toBe(
      "ImplicitlyDenied",
    );
    expect(await decide(`arn:aws:iam::${OTHER}:role/Admin`, "sns:Publish")).toBe(
      "ImplicitlyDenied",
    );
  });
});

describe("the alerts key policy", () => {
  const policy = () => parsedPolicy(resourceNamed(json, "aws_kms_key", "key-us-east-1").policy);
  const decide = (principal: string, context: Record<string, string>) =>
    decideUnder(policy(), {
      principal,
      action: "kms:GenerateDataKey",
      resource: `arn:aws:kms:us-east-1:${MANAGEMENT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      resourceAccount: MANAGEMENT,
      context,
    });

  test.each([
    [
      "alarms of the management account may encrypt",
      "cloudwatch.amazonaws.com",
      { "aws:SourceAccount": MANAGEMENT },
      "Allowed",
    ],
    [
      "alarms of another account may not",
      "cloudwatch.amazonaws.com",
      { "aws:SourceAccount": OTHER },
      "ImplicitlyDenied",
    ],
    [
      "AWS Backup of the organization may encrypt",
      "backup.amazonaws.com",
      { "aws:SourceOrgID": ORGANIZATION },
      "Allowed",
    ],
    [
      "AWS Backup of another organization may not",
      "backup.amazonaws.com",
      { "aws:SourceOrgID": "o-otherorg01" },
      "ImplicitlyDenied",
    ],
  ])("%s", async (_, principal, context, expected) => {
    expect(await decide(principal, context)).toBe(expected);
  });

  test("is the same in every region", () => {
    expect(resourceNamed(json, "aws_kms_key", "key-us-west-2").policy).toBe(
      resourceNamed(json, "aws_kms_key", "key-us-east-1").policy,
    );
  });
});

test("topicIn gives a region's topic, and names the regions it has when asked for another", () => {
  expect(topics.topicIn("us-west-2").friendlyUniqueId).toMatch(/^security-topics_topic-us-west-2_/);
  expect(() => topics.topicIn("eu-west-1")).toThrow(
    "No security topic in eu-west-1; topics exist in us-east-1, us-west-2",
  );
});
