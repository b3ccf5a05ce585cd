import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { findControls } from "../../../compliance/controls/control";
import { accountRootKeyPolicy } from "../../../modules/kms/account-root-key-policy";
import { KmsKey } from "../../../modules/kms/kms-key";
import { OrganizationTrail } from "../../../modules/logging/organization-trail";
import type { OrganizationTrailProps } from "../../../modules/logging/organization-trail";
import { AccessLogBucket } from "../../../modules/storage/access-log-bucket";
import { SecureBucket } from "../../../modules/storage/secure-bucket";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const MANAGEMENT = "111122223333";
const LOG_ARCHIVE = "222233334444";
const TRAIL_NAME = "nwh-organization-trail";
const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/${TRAIL_NAME}`;
const BUCKET = "nwh-log-archive-cloudtrail-111122223333";

type Options = Pick<OrganizationTrailProps, "s3DataEvents" | "advancedEventSelectors">;

/** The trail with its keys and bucket beside it, the trail's side in the management account. */
function synthTrail(options: Options = {}): { json: StackJson; trail: OrganizationTrail } {
  let trail!: OrganizationTrail;
  const json = synthConstruct((scope) => {
    const management = new AwsProvider(scope, "management", {
      region: "us-east-1",
      alias: "management",
    });
    const key = (id: string, account: string, provider?: AwsProvider) =>
      new KmsKey(scope, id, {
        alias: `nwh/${id}`,
        description: id,
        policy: accountRootKeyPolicy("aws", account),
        provider,
      });
    const trailKey = key("trail-key", LOG_ARCHIVE);
    const bucket = new SecureBucket(scope, "trail-bucket", {
      bucketName: BUCKET,
      partition: "aws",
      kmsKey: trailKey,
      accessLogs: new AccessLogBucket(scope, "access-logs", {
        bucketName: "nwh-log-archive-access-logs-111122223333",
        partition: "aws",
        sourceAccountId: LOG_ARCHIVE,
      }),
    });
    trail = new OrganizationTrail(scope, "organization-trail", {
      trailName: TRAIL_NAME,
      trailArn: TRAIL_ARN,
      partition: "aws",
      homeRegion: "us-east-1",
      managementAccountId: MANAGEMENT,
      bucket,
      bucketName: BUCKET,
      trailKey,
      logsKey: key("logs-key", MANAGEMENT, management),
      logRetentionDays: 400,
      provider: management,
      ...options,
    });
  });
  return { json, trail };
}

const TRAIL_RESOURCES = [
  "aws_cloudtrail",
  "aws_cloudwatch_log_group",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_sns_topic",
  "aws_sns_topic_policy",
];
const ref = (type: string, fragment: string, attribute: string) =>
  new RegExp(`^\\$\\{${type}\\.organization-trail_${fragment}_\\w+\\.${attribute}\\}`);

describe("the organization trail", () => {
  let json: StackJson;
  let trail: OrganizationTrail;
  let cloudTrail: StackJson;
  beforeAll(() => {
    ({ json, trail } = synthTrail());
    cloudTrail = resourceNamed(json, "aws_cloudtrail", "organization-trail");
  });

  test("records every account and region, global events included, validated and encrypted with the trail key", () => {
    expect(cloudTrail).toMatchObject({
      name: TRAIL_NAME,
      s3_bucket_name: BUCKET,
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.trail-key_\w+\.arn\}$/),
    });
  });

  test("lives, with everything it made, in the management account", () => {
    for (const type of TRAIL_RESOURCES)
      for (const resource of Object.values(resourcesOf(json, type)))
        expect(resource.provider).toBe("aws.management");
  });

  test("keeps its log group encrypted with the logs key, for the given retention, undeletable", () => {
    expect(resourceNamed(json, "aws_cloudwatch_log_group", "organization-trail")).toEqual({
      provider: "aws.management",
      name: `/landing-zone/${TRAIL_NAME}`,
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.logs-key_\w+\.arn\}$/),
      retention_in_days: 400,
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(cloudTrail.cloud_watch_logs_group_arn).toMatch(
      /^\$\{aws_cloudwatch_log_group\.organization-trail_log-group_\w+\.arn\}:\*$/,
    );
    expect(trail.logGroup.friendlyUniqueId).toMatch(/^organization-trail_log-group_/);
  });

  test("delivers to CloudWatch through a role only this trail can assume, which may only write the trail's log streams", () => {
    const role = resourceNamed(json, "aws_iam_role", "organization-trail");
    expect(role.name).toBe(`${TRAIL_NAME}-cloudwatch-delivery`);
    expect(parsedPolicy(role.assume_role_policy).Statement).toEqual([
      {
        Sid: "OrganizationTrailOnly",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
      },
    ]);
    expect(cloudTrail.cloud_watch_logs_role_arn).toMatch(
      ref("aws_iam_role", "cloudwatch-delivery-role", "arn"),
    );
    const logGroup = resourceNamed(json, "aws_cloudwatch_log_group", "organization-trail");
    const delivery = resourceNamed(json, "aws_iam_role_policy", "organization-trail");
    expect(delivery.role).toMatch(ref("aws_iam_role", "cloudwatch-delivery-role", "id"));
    expect(parsedPolicy(delivery.policy).Statement).toEqual([
      {
        Sid: "WriteTrailEvents",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        // The log group the trail delivers to, by the name it was given.
        Resource: `arn:aws:logs:us-east-1:${MANAGEMENT}:log-group:${logGroup.name}:log-stream:*`,
      },
    ]);
  });

  test("notifies through a topic encrypted with the logs key, which only this trail may publish to", () => {
    const topic = resourceNamed(json, "aws_sns_topic", "organization-trail");
    expect(topic).toMatchObject({
      name: `${TRAIL_NAME}-delivery`,
      kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.logs-key_\w+\.arn\}$/),
    });
    expect(cloudTrail.sns_topic_name).toMatch(ref("aws_sns_topic", "delivery-topic", "name"));
    const policy = resourceNamed(json, "aws_sns_topic_policy", "organization-trail");
    expect(policy.arn).toMatch(ref("aws_sns_topic", "delivery-topic", "arn"));
    expect(parsedPolicy(policy.policy).Statement).toEqual([
      {
        Sid: "OrganizationTrailPublishes",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "sns:Publish",
        Resource: expect.stringMatching(ref("aws_sns_topic", "delivery-topic", "arn")),
        Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
      },
    ]);
  });

  test("is created only after the bucket policy, topic policy and delivery policy admit it", () => {
    expect([...cloudTrail.depends_on].sort()).toEqual([
      expect.stringMatching(/^aws_iam_role_policy\.organization-trail_cloudwatch-delivery-policy_/),
      expect.stringMatching(/^aws_s3_bucket_policy\.trail-bucket_/),
      expect.stringMatching(/^aws_sns_topic_policy\.organization-trail_delivery-topic-policy_/),
    ]);
  });

  test("records management events only, unless told otherwise", () => {
    expect(cloudTrail.advanced_event_selector).toEqual([
      {
        name: "Management events",
        field_selector: [{ field: "eventCategory", equals: ["Management"] }],
      },
    ]);
  });

  test("declares the organization-trail control", () => {
    expect(findControls(trail).map((placement) => placement.control.id)).toEqual([
      "organization-trail",
    ]);
  });
});

test("S3 data events and further selectors are recorded after the management events, in order", () => {
  const { json } = synthTrail({
    s3DataEvents: ["arn:aws:s3:::nwh-prod-patient-records/", "arn:aws:s3:::nwh-prod-claims/"],
    advancedEventSelectors: [
      {
        name: "Lambda invocations but the noisy one",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::Lambda::Function"] },
          { field: "resources.ARN", notEquals: ["arn:aws:lambda:us-east-1:1:function:noisy"] },
        ],
      },
      {
        name: "DynamoDB tables of prod",
        fieldSelectors: [{ field: "resources.ARN", startsWith: ["arn:aws:dynamodb:us-east-1:"] }],
      },
    ],
  });
  expect(
    resourceNamed(json, "aws_cloudtrail", "organization-trail").advanced_event_selector,
  ).toEqual([
    {
      name: "Management events",
      field_selector: [{ field: "eventCategory", equals: ["Management"] }],
    },
    {
      name: "S3 data events",
      field_selector: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        {
          field: "resources.ARN",
          starts_with: ["arn:aws:s3:::nwh-prod-patient-records/", "arn:aws:s3:::nwh-prod-claims/"],
        },
      ],
    },
    {
      name: "Lambda invocations but the noisy one",
      field_selector: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::Lambda::Function"] },
        { field: "resources.ARN", not_equals: ["arn:aws:lambda:us-east-1:1:function:noisy"] },
      ],
    },
    {
      name: "DynamoDB tables of prod",
      field_selector: [{ field: "resources.ARN", starts_with: ["arn:aws:dynamodb:us-east-1:"] }],
    },
  ]);
});

test("an empty list of S3 data events adds no S3 selector", () => {
  const { json } = synthTrail({ s3DataEvents: [] });
  expect(
    resourceNamed(json, "aws_cloudtrail", "organization-trail").advanced_event_selector.map(
      (selector: { name: string }) => selector.name,
    ),
  ).toEqual(["Management events"]);
});
