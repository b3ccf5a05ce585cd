import {
  breakGlassPrincipalArn,
  breakGlassRoleNamePrefix,
} from "../../../modules/identity/break-glass";
import { decideUnder } from "../../helpers/simulate-policy";

const MEMBER = "555566667777";
const MANAGEMENT = "111122223333";

/** Whether a role session of `principal` matches `pattern` as the guardrails and trusts use it. */
async function matches(pattern: string, principal: string): Promise<boolean> {
  const decision = await decideUnder(
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "sts:AssumeRole",
          Condition: { ArnLike: { "aws:PrincipalArn": pattern } },
        },
      ],
    },
    {
      principal,
      action: "sts:AssumeRole",
      resource: `arn:aws:iam::${MEMBER}:role/target`,
      resourceAccount: MEMBER,
    },
  );
  return decision === "Allowed";
}

const session = (account: string, path: string) =>
  `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${path}`;

describe("the break-glass principal pattern", () => {
  const anyAccount = breakGlassPrincipalArn("aws", "BreakGlassAdmin");

  test("matches the set's Identity Center role in any account, with or without a region in its path", async () => {
    expect(anyAccount).toBe(
      "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*",
    );
    expect(
      await matches(anyAccount, session(MEMBER, "AWSReservedSSO_BreakGlassAdmin_0a1b2c3d")),
    ).toBe(true);
    expect(
      await matches(
        anyAccount,
        session(MANAGEMENT, "eu-west-1/AWSReservedSSO_BreakGlassAdmin_0a1b"),
      ),
    ).toBe(true);
  });

  test("doesn't match a look-alike role outside the aws-reserved path, nor another permission set", async () => {
    expect(
      await matches(
        anyAccount,
        `arn:aws:iam::${MEMBER}:role/AWSReservedSSO_BreakGlassAdmin_0a1b2c3d`,
      ),
    ).toBe(false);
    expect(
      await matches(anyAccount, session(MEMBER, "AWSReservedSSO_BreakGlassAdminRead_0a1b2c3d")),
    ).toBe(false);
    expect(
      await matches(anyAccount, session(MEMBER, "AWSReservedSSO_PlatformAdmin_0a1b2c3d")),
    ).toBe(false);
  });

  test("pinned to one account, it matches that account's sessions only", async () => {
    const pinned = breakGlassPrincipalArn("aws", "BreakGlassAdmin", MANAGEMENT);
    expect(await matches(pinned, session(MANAGEMENT, "AWSReservedSSO_BreakGlassAdmin_0a1b"))).toBe(
      true,
    );
    expect(await matches(pinned, session(MEMBER, "AWSReservedSSO_BreakGlassAdmin_0a1b"))).toBe(
      false,
    );
  });

  test("names the partition it is given", () => {
    expect(breakGlassPrincipalArn("aws-us-gov", "BreakGlassAdmin", MANAGEMENT)).toBe(
      `arn:aws-us-gov:iam::${MANAGEMENT}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*`,
    );
  });
});

test("the role-name prefix is the name a session's role starts with, and the pattern contains it", () => {
  const prefix = breakGlassRoleNamePrefix("BreakGlassAdmin");
  expect(prefix).toBe("AWSReservedSSO_BreakGlassAdmin_");
  expect(breakGlassPrincipalArn("aws", "BreakGlassAdmin")).toContain(`/*${prefix}*`);
});
