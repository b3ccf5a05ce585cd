/**
 * A trust policy can't carry Resource. The `@ts-expect-error` lines are the type-level proof:
 * `tsc --noEmit` (in `npm test`) fails on an unused one, so the day the type allows Resource
 * again the check fails. The expectations check the run-time guard for values the types missed.
 */
import { policyDocument, renderPolicy, trustPolicy } from "../../../modules/iam/policy-document";
import type { TrustPolicyStatement } from "../../../modules/iam/policy-document";

const assumeFromAccount: TrustPolicyStatement = {
  Sid: "AccountRoot",
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::111122223333:root" },
  Action: "sts:AssumeRole",
};

test("a trust statement with Resource or NotResource doesn't type-check, and is refused", () => {
  expect(() =>
    trustPolicy({
      ...assumeFromAccount,
      // @ts-expect-error IAM refuses Resource in a trust policy.
      Resource: "*",
    }),
  ).toThrow(
    "Trust policy statement AccountRoot has Resource, which IAM refuses in a trust policy; remove it",
  );
  expect(() =>
    trustPolicy({
      ...assumeFromAccount,
      // @ts-expect-error IAM refuses NotResource in a trust policy.
      NotResource: "arn:aws:s3:::example",
    }),
  ).toThrow("Trust policy statement AccountRoot has NotResource");
});

test("a trust statement names its principal and an STS action", () => {
  // @ts-expect-error A trust statement without a principal trusts nobody; IAM refuses it.
  const noPrincipal: TrustPolicyStatement = { Sid: "x", Effect: "Allow", Action: "sts:AssumeRole" };
  // @ts-expect-error A trust policy grants sts: actions only.
  const notSts: TrustPolicyStatement = { ...assumeFromAccount, Action: "s3:GetObject" };
  expect([noPrincipal.Sid, notSts.Sid]).toEqual(["x", "AccountRoot"]);
});

test("a trust policy renders without Resource; a permission policy keeps it", () => {
  expect(JSON.parse(renderPolicy(trustPolicy(assumeFromAccount)))).toEqual({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountRoot",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "sts:AssumeRole",
      },
    ],
  });
  const permissions = policyDocument({
    Sid: "ReadObjects",
    Effect: "Allow",
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::example/*",
  });
  expect(permissions.Statement[0].Resource).toBe("arn:aws:s3:::example/*");
});
