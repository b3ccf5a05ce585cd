import { policyDocument } from "../../../modules/iam/policy-document";
import {
  configBucketStatements,
  trailBucketStatements,
} from "../../../modules/logging/log-archive-bucket-policies";
import type { LogArchiveParties } from "../../../modules/logging/log-archive-key-policies";
import { decideUnder } from "../../helpers/simulate-policy";

const MANAGEMENT = "111122223333";
const LOG_ARCHIVE = "222233334444";
const AUDIT = "333344445555";
const OTHER = "999988887777";
const ORGANIZATION = "o-k7q2mz4x9a";
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/nwh-organization-trail`;
const OTHER_TRAIL = `arn:aws:cloudtrail:us-east-1:${OTHER}:trail/copy`;

const parties: LogArchiveParties = {
  partition: "aws",
  homeRegion: "us-east-1",
  managementAccountId: MANAGEMENT,
  logArchiveAccountId: LOG_ARCHIVE,
  auditAccountId: AUDIT,
  organizationId: ORGANIZATION,
  trailArn: TRAIL,
};

const decide = (
  statements: ReturnType<typeof trailBucketStatements>,
  principal: string,
  action: string,
  resource: string,
  context: Record<string, string>,
) =>
  decideUnder(policyDocument(...statements), {
    principal,
    action,
    resource,
    resourceAccount: LOG_ARCHIVE,
    context,
  });

describe("the trail bucket", () => {
  const bucket = "arn:aws:s3:::nwh-log-archive-cloudtrail-111122223333";
  const statements = trailBucketStatements(parties, bucket);
  const cloudTrail = (action: string, resource: string, sourceArn = TRAIL) =>
    decide(statements, "cloudtrail.amazonaws.com", action, resource, {
      "aws:SourceArn": sourceArn,
    });
  const guardDuty = (action: string, resource: string, sourceAccount = AUDIT) =>
    decide(statements, "guardduty.amazonaws.com", action, resource, {
      "aws:SourceAccount": sourceAccount,
    });

  test.each([
    [
      "the management account's own trail logs",
      `${bucket}/AWSLogs/${MANAGEMENT}/CloudTrail/x.json.gz`,
    ],
    [
      "every member account's, under the organization id",
      `${bucket}/AWSLogs/${ORGANIZATION}/${OTHER}/CloudTrail/x.json.gz`,
    ],
  ])("the organization trail may write %s", async (_, object) => {
    expect(await cloudTrail("s3:PutObject", object)).toBe("Allowed");
    expect(await cloudTrail("s3:PutObject", object, OTHER_TRAIL)).toBe("ImplicitlyDenied");
  });

  test("no trail may write outside those prefixes, nor read or delete logs", async () => {
    expect(
      await cloudTrail("s3:PutObject", `${bucket}/AWSLogs/${OTHER}/CloudTrail/x.json.gz`),
    ).toBe("ImplicitlyDenied");
    expect(await cloudTrail("s3:PutObject", `${bucket}/GuardDuty/x.jsonl.gz`)).toBe(
      "ImplicitlyDenied",
    );
    const object = `${bucket}/AWSLogs/${MANAGEMENT}/CloudTrail/x.json.gz`;
    expect(await cloudTrail("s3:GetObject", object)).toBe("ImplicitlyDenied");
    expect(await cloudTrail("s3:DeleteObject", object)).toBe("ImplicitlyDenied");
  });

  test("the organization trail may check the bucket's ACL; another trail may not", async () => {
    expect(await cloudTrail("s3:GetBucketAcl", bucket)).toBe("Allowed");
    expect(await cloudTrail("s3:GetBucketAcl", bucket, OTHER_TRAIL)).toBe("ImplicitlyDenied");
  });

  test("GuardDuty of the audit account alone may export findings, under GuardDuty/ only", async () => {
    expect(await guardDuty("s3:GetBucketLocation", bucket)).toBe("Allowed");
    expect(await guardDuty("s3:PutObject", `${bucket}/GuardDuty/x.jsonl.gz`)).toBe("Allowed");
    expect(await guardDuty("s3:PutObject", `${bucket}/GuardDuty/x.jsonl.gz`, OTHER)).toBe(
      "ImplicitlyDenied",
    );
    expect(await guardDuty("s3:GetBucketLocation", bucket, OTHER)).toBe("ImplicitlyDenied");
    expect(await guardDuty("s3:PutObject", `${bucket}/AWSLogs/${MANAGEMENT}/x.json.gz`)).toBe(
      "ImplicitlyDenied",
    );
  });
});

describe("the Config bucket", () => {
  const bucket = "arn:aws:s3:::nwh-log-archive-config-111122223333";
  const statements = configBucketStatements(parties, bucket);
  const config = (action: string, resource: string, organization = ORGANIZATION) =>
    decide(statements, "config.amazonaws.com", action, resource, {
      "aws:SourceOrgID": organization,
    });
  const snapshot = `${bucket}/AWSLogs/${OTHER}/Config/us-west-2/2025/1/1/ConfigSnapshot/x.json.gz`;

  test("AWS Config delivering for an account of this organization may check the bucket and deliver", async () => {
    expect(await config("s3:GetBucketAcl", bucket)).toBe("Allowed");
    expect(await config("s3:ListBucket", bucket)).toBe("Allowed");
    expect(await config("s3:PutObject", snapshot)).toBe("Allowed");
  });

  test("AWS Config delivering for another organization may do none of it", async () => {
    expect(await config("s3:GetBucketAcl", bucket, "o-otherorg01")).toBe("ImplicitlyDenied");
    expect(await config("s3:PutObject", snapshot, "o-otherorg01")).toBe("ImplicitlyDenied");
  });

  test("deliveries land only under AWSLogs/<account>/Config/, and nothing is read back", async () => {
    expect(await config("s3:PutObject", `${bucket}/AWSLogs/${OTHER}/CloudTrail/x.json.gz`)).toBe(
      "ImplicitlyDenied",
    );
    expect(await config("s3:GetObject", snapshot)).toBe("ImplicitlyDenied");
  });
});
