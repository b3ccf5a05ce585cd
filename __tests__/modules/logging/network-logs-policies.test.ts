import { policyDocument } from "../../../modules/iam/policy-document";
import { networkLogsBucketStatements } from "../../../modules/logging/log-archive-bucket-policies";
import { networkLogsKeyPolicy } from "../../../modules/logging/log-archive-key-policies";
import type { LogArchiveParties } from "../../../modules/logging/log-archive-key-policies";
import { decideUnder } from "../../helpers/simulate-policy";

const MANAGEMENT = "111122223333";
const LOG_ARCHIVE = "222233334444";
const WORKLOAD = "444455556666";
const ORGANIZATION = "o-k7q2mz4x9a";
const OTHER_ORGANIZATION = "o-otherorg01";

const parties: LogArchiveParties = {
  partition: "aws",
  homeRegion: "us-east-1",
  managementAccountId: MANAGEMENT,
  logArchiveAccountId: LOG_ARCHIVE,
  auditAccountId: "333344445555",
  organizationId: ORGANIZATION,
  trailArn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/nwh-organization-trail`,
};

describe("the network logs bucket", () => {
  const bucket = "arn:aws:s3:::nwh-log-archive-network-111122223333";
  const policy = policyDocument(...networkLogsBucketStatements(parties, bucket));
  const flowLog = `${bucket}/AWSLogs/${WORKLOAD}/vpcflowlogs/us-east-1/2025/01/01/x.log.gz`;
  const queryLog = `${bucket}/AWSLogs/${WORKLOAD}/vpcdnsquerylogs/vpc-0abc/2025/01/01/x.log.gz`;
  const delivery = (
    principal: string,
    action: string,
    resource: string,
    context: Record<string, string>,
  ) => decideUnder(policy, { principal, action, resource, resourceAccount: LOG_ARCHIVE, context });
  const fromOrganization = { "aws:SourceOrgID": ORGANIZATION };
  const ownerControl = { "s3:x-amz-acl": "bucket-owner-full-control" };

  test.each([
    ["flow logs", flowLog],
    ["Resolver query logs", queryLog],
  ])(
    "log delivery for an account of the organization may write %s handed to the bucket owner",
    async (_, object) => {
      expect(
        await delivery("delivery.logs.amazonaws.com", "s3:PutObject", object, {
          ...fromOrganization,
          ...ownerControl,
        }),
      ).toBe("Allowed");
    },
  );

  test("and may check the bucket's ACL and list it", async () => {
    for (const action of ["s3:GetBucketAcl", "s3:ListBucket"])
      expect(await delivery("delivery.logs.amazonaws.com", action, bucket, fromOrganization)).toBe(
        "Allowed",
      );
  });

  test("log delivery for another organization may do none of it", async () => {
    const elsewhere = { "aws:SourceOrgID": OTHER_ORGANIZATION };
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:PutObject", flowLog, {
        ...elsewhere,
        ...ownerControl,
      }),
    ).toBe("ImplicitlyDenied");
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:GetBucketAcl", bucket, elsewhere),
    ).toBe("ImplicitlyDenied");
  });

  test("a write that would leave the object owned by the writer is refused", async () => {
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:PutObject", flowLog, fromOrganization),
    ).toBe("ImplicitlyDenied");
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:PutObject", flowLog, {
        ...fromOrganization,
        "s3:x-amz-acl": "private",
      }),
    ).toBe("ImplicitlyDenied");
  });

  test("deliveries land only under AWSLogs/, nothing is read back or deleted, and no other service writes", async () => {
    const write = { ...fromOrganization, ...ownerControl };
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:PutObject", `${bucket}/elsewhere/x`, write),
    ).toBe("ImplicitlyDenied");
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:GetObject", flowLog, fromOrganization),
    ).toBe("ImplicitlyDenied");
    expect(
      await delivery("delivery.logs.amazonaws.com", "s3:DeleteObject", flowLog, fromOrganization),
    ).toBe("ImplicitlyDenied");
    expect(await delivery("config.amazonaws.com", "s3:PutObject", flowLog, write)).toBe(
      "ImplicitlyDenied",
    );
  });

  test("a role of a workload account gets nothing from this policy", async () => {
    expect(
      await delivery(`arn:aws:iam::${WORKLOAD}:role/Admin`, "s3:PutObject", flowLog, ownerControl),
    ).toBe("ImplicitlyDenied");
  });
});

describe("the network logs key", () => {
  const policy = networkLogsKeyPolicy(parties);
  const key = `arn:aws:kms:us-east-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const asks = (principal: string, action: string, context: Record<string, string> = {}) =>
    decideUnder(policy, {
      principal,
      action,
      resource: key,
      resourceAccount: LOG_ARCHIVE,
      context,
    });

  test("names only the log archive account and log delivery", () => {
    expect(policy.Statement.map((statement) => statement.Principal)).toEqual([
      { AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` },
      { Service: "delivery.logs.amazonaws.com" },
    ]);
  });

  test.each([
    ["kms:GenerateDataKey", ORGANIZATION, "Allowed"],
    ["kms:Decrypt", ORGANIZATION, "Allowed"],
    ["kms:Encrypt", ORGANIZATION, "Allowed"],
    ["kms:ReEncryptFrom", ORGANIZATION, "ImplicitlyDenied"],
    ["kms:GenerateDataKey", OTHER_ORGANIZATION, "ImplicitlyDenied"],
    ["kms:Decrypt", OTHER_ORGANIZATION, "ImplicitlyDenied"],
  ])("log delivery: %s for %s is %s", async (action, organization, expected) => {
    expect(
      await asks("delivery.logs.amazonaws.com", action, { "aws:SourceOrgID": organization }),
    ).toBe(expected);
  });

  test("the log archive account manages it; a workload account can't use it", async () => {
    expect(await asks(`arn:aws:iam::${LOG_ARCHIVE}:role/Admin`, "kms:PutKeyPolicy")).toBe(
      "Allowed",
    );
    expect(await asks(`arn:aws:iam::${WORKLOAD}:role/Admin`, "kms:Decrypt")).toBe(
      "ImplicitlyDenied",
    );
  });
});
