import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
} from "@aws-sdk/client-cloudtrail";
import { mockClient } from "aws-sdk-client-mock";
import { ORGANIZATION_TRAIL } from "../../../../cli/evidence-collection/collectors/organization-trail";
import { collect, COLLECTED_AT, exampleRun } from "../evidence-run-fixture";

const cloudtrail = mockClient(CloudTrailClient);
afterAll(() => cloudtrail.restore());

const TRAIL = {
  Name: "nwh-organization-trail",
  TrailARN: "arn:aws:cloudtrail:us-east-1:111122223333:trail/nwh-organization-trail",
  HomeRegion: "us-east-1",
  IsOrganizationTrail: true,
  IsMultiRegionTrail: true,
  LogFileValidationEnabled: true,
  S3BucketName: "nwh-log-archive-cloudtrail-111122223333",
};
const hoursBefore = (hours: number) => new Date(COLLECTED_AT.getTime() - hours * 3600_000);

beforeEach(() => cloudtrail.reset());

test("a logging trail that delivered recently is recorded without a flag", async () => {
  cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [TRAIL] });
  cloudtrail.on(GetTrailStatusCommand).resolves({
    IsLogging: true,
    LatestDeliveryTime: hoursBefore(1),
    LatestDigestDeliveryTime: hoursBefore(2),
  });
  const { flags, results } = await collect(ORGANIZATION_TRAIL, await exampleRun());
  expect(flags).toEqual([]);
  expect((results as { trails: unknown[] }).trails).toEqual([
    expect.objectContaining({
      name: "nwh-organization-trail",
      logging: true,
      latestDeliveryTime: hoursBefore(1).toISOString(),
      latestDeliveryError: null,
    }),
  ]);
});

test("a stopped trail, a delivery error and stale deliveries are flagged", async () => {
  cloudtrail
    .on(DescribeTrailsCommand)
    .resolves({ trailList: [{ ...TRAIL, LogFileValidationEnabled: false }] });
  cloudtrail.on(GetTrailStatusCommand).resolves({
    IsLogging: false,
    LatestDeliveryTime: hoursBefore(30),
    LatestDeliveryError: "AccessDenied",
  });
  const { flags } = await collect(ORGANIZATION_TRAIL, await exampleRun());
  expect(flags.map((flag) => flag.issue)).toEqual([
    "nwh-organization-trail is not logging",
    "nwh-organization-trail has log file validation off",
    "nwh-organization-trail failed its latest delivery: AccessDenied",
    "nwh-organization-trail has delivered nothing for more than 24 hours",
  ]);
});

test("no organization trail at all is flagged", async () => {
  cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [] });
  const { flags } = await collect(ORGANIZATION_TRAIL, await exampleRun());
  expect(flags).toEqual([
    { issue: "the organization trail nwh-organization-trail does not exist" },
  ]);
});
