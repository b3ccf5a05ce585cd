import { policyDocument } from "../../../modules/iam/policy-document";
import { tlsOnlyStatements } from "../../../modules/storage/tls-only-policy";
import { decideUnder } from "../../helpers/simulate-policy";

const ACCOUNT = "111122223333";
const BUCKET_ARN = "arn:aws-us-gov:s3:::nwh-data";

test("both denials cover every principal and action, on the bucket and its objects", () => {
  const statements = tlsOnlyStatements(BUCKET_ARN);
  expect(statements.map((statement) => statement.Sid)).toEqual([
    "DenyInsecureTransport",
    "DenyOutdatedTls",
  ]);
  for (const statement of statements) {
    expect(statement).toMatchObject({
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`],
    });
  }
});

describe("decided by the IAM policy evaluator, for an administrator of the bucket's account", () => {
  // Only denials: the administrator's own policy allows everything, so the bucket policy decides.
  const bucketPolicy = policyDocument(...tlsOnlyStatements("arn:aws:s3:::nwh-data"));
  const getObject = (context: Record<string, string>) =>
    decideUnder(bucketPolicy, {
      principal: `arn:aws:iam::${ACCOUNT}:role/Admin`,
      action: "s3:GetObject",
      resource: "arn:aws:s3:::nwh-data/report.csv",
      resourceAccount: ACCOUNT,
      context,
    });

  test("a request over TLS 1.2 or later is allowed", async () => {
    expect(await getObject({ "aws:SecureTransport": "true", "s3:TlsVersion": "1.2" })).toBe(
      "Allowed",
    );
    expect(await getObject({ "aws:SecureTransport": "true", "s3:TlsVersion": "1.3" })).toBe(
      "Allowed",
    );
  });

  test("plain HTTP is denied", async () => {
    expect(await getObject({ "aws:SecureTransport": "false" })).toBe("ExplicitlyDenied");
  });

  test("TLS older than 1.2 is denied", async () => {
    expect(await getObject({ "aws:SecureTransport": "true", "s3:TlsVersion": "1.1" })).toBe(
      "ExplicitlyDenied",
    );
  });
});
