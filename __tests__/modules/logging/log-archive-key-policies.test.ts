import {
  configKeyPolicy,
  logsKeyPolicy,
  trailKeyPolicy,
} from "../../../modules/logging/log-archive-key-policies";
import type { LogArchiveParties } from "../../../modules/logging/log-archive-key-policies";
import { decideUnder } from "../../helpers/simulate-policy";
import type { PolicyRequest } from "../../helpers/simulate-policy";
import { statementWithSid } from "../../helpers/synth-construct";

const MANAGEMENT = "111122223333";
const LOG_ARCHIVE = "222233334444";
const AUDIT = "333344445555";
const OTHER = "999988887777";
const ORGANIZATION = "o-k7q2mz4x9a";
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/nwh-organization-trail`;

const parties: LogArchiveParties = {
  partition: "aws",
  homeRegion: "us-east-1",
  managementAccountId: MANAGEMENT,
  logArchiveAccountId: LOG_ARCHIVE,
  auditAccountId: AUDIT,
  organizationId: ORGANIZATION,
  trailArn: TRAIL,
};

const keyIn = (account: string) =>
  `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const asks = (
  request: Omit<PolicyRequest, "resource" | "resourceAccount">,
  account = LOG_ARCHIVE,
) => ({
  ...request,
  resource: keyIn(account),
  resourceAccount: account,
});

/** Each key's principals: who the policy names at all. */
const principalsOf = (document: ReturnType<typeof trailKeyPolicy>) =>
  document.Statement.map((statement) => statement.Principal);

describe("the trail key", () => {
  const policy = trailKeyPolicy(parties);

  test("names only the log archive account, CloudTrail and GuardDuty", () => {
    expect(principalsOf(policy)).toEqual([
      { AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` },
      { Service: "cloudtrail.amazonaws.com" },
      { Service: "cloudtrail.amazonaws.com" },
      { Service: "guardduty.amazonaws.com" },
    ]);
  });

  test.each([
    [
      "the log archive account's own roles may manage it",
      `arn:aws:iam::${LOG_ARCHIVE}:role/Admin`,
      "kms:PutKeyPolicy",
      {},
      "Allowed",
    ],
    [
      "another account's roles may not use it",
      `arn:aws:iam::${OTHER}:role/Admin`,
      "kms:Decrypt",
      {},
      "ImplicitlyDenied",
    ],
    [
      "the management account's roles may not use it either",
      `arn:aws:iam::${MANAGEMENT}:role/Admin`,
      "kms:Decrypt",
      {},
      "ImplicitlyDenied",
    ],
    [
      "the organization trail may describe it",
      "cloudtrail.amazonaws.com",
      "kms:DescribeKey",
      { "aws:SourceArn": TRAIL },
      "Allowed",
    ],
    [
      "another trail may not",
      "cloudtrail.amazonaws.com",
      "kms:DescribeKey",
      { "aws:SourceArn": `arn:aws:cloudtrail:us-east-1:${OTHER}:trail/copy` },
      "ImplicitlyDenied",
    ],
    [
      "CloudTrail may not decrypt",
      "cloudtrail.amazonaws.com",
      "kms:Decrypt",
      { "aws:SourceArn": TRAIL },
      "ImplicitlyDenied",
    ],
    [
      "the audit account's GuardDuty may export findings",
      "guardduty.amazonaws.com",
      "kms:GenerateDataKey",
      {
        "aws:SourceAccount": AUDIT,
        "aws:SourceArn": `arn:aws:guardduty:us-west-2:${AUDIT}:detector/abc`,
      },
      "Allowed",
    ],
    [
      "another account's GuardDuty may not",
      "guardduty.amazonaws.com",
      "kms:GenerateDataKey",
      {
        "aws:SourceAccount": OTHER,
        "aws:SourceArn": `arn:aws:guardduty:us-west-2:${OTHER}:detector/abc`,
      },
      "ImplicitlyDenied",
    ],
    [
      "nor a GuardDuty resource of the audit account that isn't a detector",
      "guardduty.amazonaws.com",
      "kms:GenerateDataKey",
      {
        "aws:SourceAccount": AUDIT,
        "aws:SourceArn": `arn:aws:guardduty:us-west-2:${AUDIT}:malware-protection-plan/abc`,
      },
      "ImplicitlyDenied",
    ],
    [
      "AWS Config may not use it",
      "config.amazonaws.com",
      "kms:GenerateDataKey",
      { "aws:SourceOrgID": ORGANIZATION },
      "ImplicitlyDenied",
    ],
  ])("%s", async (_, principal, action, context, expected) => {
    expect(await decideUnder(policy, asks({ principal, action, context }))).toBe(expected);
  });

  // The evaluator doesn't know encryption-context keys, so this condition is read, not simulated.
  test("CloudTrail encrypts only for the organization trail, and only logs of the management account's trails", () => {
    expect(statementWithSid(policy.Statement, "AllowOrganizationTrailToEncrypt")).toEqual({
      Sid: "AllowOrganizationTrailToEncrypt",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceArn": TRAIL },
        StringLike: {
          "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${MANAGEMENT}:trail/*`,
        },
      },
    });
  });
});

describe("the Config key", () => {
  const policy = configKeyPolicy(parties);

  test("names only the log archive account and AWS Config", () => {
    expect(principalsOf(policy)).toEqual([
      { AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` },
      { Service: "config.amazonaws.com" },
    ]);
  });

  test.each([
    [
      "AWS Config delivering for this organization may encrypt",
      "kms:GenerateDataKey",
      ORGANIZATION,
      "Allowed",
    ],
    ["and decrypt", "kms:Decrypt", ORGANIZATION, "Allowed"],
    ["but not re-encrypt or manage the key", "kms:ReEncryptFrom", ORGANIZATION, "ImplicitlyDenied"],
    [
      "AWS Config delivering for another organization may not",
      "kms:GenerateDataKey",
      "o-otherorg01",
      "ImplicitlyDenied",
    ],
  ])("%s", async (_, action, organization, expected) => {
    expect(
      await decideUnder(
        policy,
        asks({
          principal: "config.amazonaws.com",
          action,
          context: { "aws:SourceOrgID": organization },
        }),
      ),
    ).toBe(expected);
  });
});

describe("the logs key, in the management account", () => {
  const policy = logsKeyPolicy(parties);

  test("is governed by the management account, not the log archive", async () => {
    const manage = (account: string) =>
      decideUnder(
        policy,
        asks(
          { principal: `arn:aws:iam::${account}:role/Admin`, action: "kms:PutKeyPolicy" },
          MANAGEMENT,
        ),
      );
    expect(await manage(MANAGEMENT)).toBe("Allowed");
    expect(await manage(LOG_ARCHIVE)).toBe("ImplicitlyDenied");
  });

  test.each([
    ["cloudwatch.amazonaws.com", MANAGEMENT, "Allowed"],
    ["sns.amazonaws.com", MANAGEMENT, "Allowed"],
    ["cloudtrail.amazonaws.com", MANAGEMENT, "Allowed"],
    ["cloudwatch.amazonaws.com", OTHER, "ImplicitlyDenied"],
    ["sns.amazonaws.com", OTHER, "ImplicitlyDenied"],
    ["backup.amazonaws.com", MANAGEMENT, "ImplicitlyDenied"],
  ])("%s on behalf of %s: %s", async (principal, sourceAccount, expected) => {
    expect(
      await decideUnder(
        policy,
        asks(
          {
            principal,
            action: "kms:GenerateDataKey",
            context: { "aws:SourceAccount": sourceAccount },
          },
          MANAGEMENT,
        ),
      ),
    ).toBe(expected);
  });

  test("CloudWatch Logs of the home region may use it for the management account's log groups only", () => {
    expect(statementWithSid(policy.Statement, "AllowCloudWatchLogsOfThisAccount")).toMatchObject({
      Principal: { Service: "logs.us-east-1.amazonaws.com" },
      Condition: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${MANAGEMENT}:log-group:*`,
        },
      },
    });
  });
});
