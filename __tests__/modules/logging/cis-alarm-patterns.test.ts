import { breakGlassAlarm, CIS_ALARMS } from "../../../modules/logging/cis-alarm-patterns";
import type { AlarmDefinition } from "../../../modules/logging/cis-alarm-patterns";

type CloudTrailEvent = Record<string, unknown>;

/**
 * Whether a CloudWatch Logs JSON filter pattern matches an event, for the part of the grammar
 * these patterns use: `$.a.b = "v"` and `!=` (with `*` wildcards), `NOT EXISTS`, `&&`, `||` and
 * parentheses. How `!=` treats a field the event lacks isn't something to guess: such a
 * comparison is unknown, and a result that depends on it throws, so a sample must say.
 */
function filterMatches(pattern: string, event: CloudTrailEvent): boolean {
  type Truth = boolean | "unknown";
  const tokens = pattern.match(/\$(?:\.\w+)+|"[^"]*"|&&|\|\||!=|=|\(|\)|\{|\}|NOT EXISTS/g)!;
  expect(tokens.join("").replace(/\s/g, "")).toBe(pattern.replace(/\s/g, ""));
  let position = 0;
  const next = () => tokens[position++];
  const peek = () => tokens[position];
  const field = (selector: string) =>
    selector
      .slice(2)
      .split(".")
      .reduce<unknown>(
        (value, key) => (value as Record<string, unknown> | undefined)?.[key],
        event,
      );
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const like = (value: unknown, quoted: string) =>
    typeof value === "string" &&
    new RegExp(`^${quoted.slice(1, -1).split("*").map(escape).join(".*")}$`).test(value);

  const comparison = (): Truth => {
    if (peek() === "(") {
      next();
      const inner = or();
      expect(next()).toBe(")");
      return inner;
    }
    const selector = next();
    const operator = next();
    if (operator === "NOT EXISTS") return field(selector) === undefined;
    const value = field(selector);
    const quoted = next();
    if (operator === "=") return like(value, quoted);
    return value === undefined ? "unknown" : !like(value, quoted);
  };
  const and = (): Truth => {
    const terms = [comparison()];
    while (peek() === "&&") {
      next();
      terms.push(comparison());
    }
    return terms.includes(false) ? false : terms.includes("unknown") ? "unknown" : true;
  };
  const or = (): Truth => {
    const terms = [and()];
    while (peek() === "||") {
      next();
      terms.push(and());
    }
    return terms.includes(true) ? true : terms.includes("unknown") ? "unknown" : false;
  };
  expect(next()).toBe("{");
  const result = or();
  expect(next()).toBe("}");
  expect(position).toBe(tokens.length);
  if (result === "unknown")
    throw new Error(`the sample event lacks a field that decides ${pattern}`);
  return result;
}

const alarm = (id: string): AlarmDefinition => {
  const found = CIS_ALARMS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no alarm ${id}`);
  return found;
};

const iamUser = { type: "IAMUser", arn: "arn:aws:iam::555566667777:user/alice" };
const call = (eventSource: string, eventName: string, extra: CloudTrailEvent = {}) => ({
  eventSource,
  eventName,
  eventType: "AwsApiCall",
  sourceIPAddress: "203.0.113.7",
  userIdentity: iamUser,
  ...extra,
});
const consoleLogin = (type: string, mfa: string, outcome: "Success" | "Failure") => ({
  ...call("signin.amazonaws.com", "ConsoleLogin"),
  userIdentity: { type },
  additionalEventData: { MFAUsed: mfa },
  responseElements: { ConsoleLogin: outcome },
  ...(outcome === "Failure" ? { errorMessage: "Failed authentication" } : {}),
});

test("ids are unique and kebab-case: they name metrics and Terraform addresses", () => {
  const ids = CIS_ALARMS.map((definition) => definition.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test("each CIS monitoring control 4.1 to 4.15 has exactly one alarm", () => {
  const covered = CIS_ALARMS.flatMap((definition) =>
    [...definition.description.matchAll(/CIS (4\.\d+)/g)].map((match) => match[1]),
  ).sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
  expect(covered).toEqual(Array.from({ length: 15 }, (_, index) => `4.${index + 1}`));
});

test.each<[string, CloudTrailEvent, CloudTrailEvent]>([
  [
    "root-user-activity",
    { ...call("s3.amazonaws.com", "ListBuckets"), userIdentity: { type: "Root" } },
    {
      ...call("s3.amazonaws.com", "ListBuckets"),
      userIdentity: { type: "Root", invokedBy: "cloudformation.amazonaws.com" },
    },
  ],
  [
    "unauthorized-api-calls",
    call("ec2.amazonaws.com", "RunInstances", { errorCode: "Client.UnauthorizedOperation" }),
    call("s3.amazonaws.com", "HeadBucket", { errorCode: "AccessDenied" }),
  ],
  [
    "console-sign-in-without-mfa",
    consoleLogin("IAMUser", "No", "Success"),
    consoleLogin("IAMUser", "Yes", "Success"),
  ],
  [
    "console-sign-in-failures",
    consoleLogin("IAMUser", "No", "Failure"),
    consoleLogin("IAMUser", "No", "Success"),
  ],
  [
    "iam-policy-changes",
    call("iam.amazonaws.com", "PutRolePolicy"),
    call("iam.amazonaws.com", "GetRolePolicy"),
  ],
  [
    "cloudtrail-changes",
    call("cloudtrail.amazonaws.com", "StopLogging"),
    call("cloudtrail.amazonaws.com", "LookupEvents"),
  ],
  [
    "kms-key-disable-or-deletion",
    call("kms.amazonaws.com", "ScheduleKeyDeletion"),
    call("kms.amazonaws.com", "Decrypt"),
  ],
  [
    "s3-bucket-policy-changes",
    call("s3.amazonaws.com", "PutBucketPolicy"),
    call("s3.amazonaws.com", "GetBucketPolicy"),
  ],
  [
    "config-changes",
    call("config.amazonaws.com", "StopConfigurationRecorder"),
    call("config.amazonaws.com", "DescribeConfigurationRecorders"),
  ],
  [
    "security-group-changes",
    call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress"),
    call("ec2.amazonaws.com", "DescribeSecurityGroups"),
  ],
  [
    "network-acl-changes",
    call("ec2.amazonaws.com", "CreateNetworkAclEntry"),
    call("ec2.amazonaws.com", "DescribeNetworkAcls"),
  ],
  [
    "network-gateway-changes",
    call("ec2.amazonaws.com", "AttachInternetGateway"),
    call("ec2.amazonaws.com", "DescribeInternetGateways"),
  ],
  [
    "route-table-changes",
    call("ec2.amazonaws.com", "CreateRoute"),
    call("ec2.amazonaws.com", "DescribeRouteTables"),
  ],
  [
    "vpc-changes",
    call("ec2.amazonaws.com", "CreateVpcPeeringConnection"),
    call("ec2.amazonaws.com", "DescribeVpcs"),
  ],
  [
    "organizations-changes",
    call("organizations.amazonaws.com", "LeaveOrganization"),
    call("organizations.amazonaws.com", "ListAccounts"),
  ],
])("%s fires on its event, not on a near miss", (id, fires, misses) => {
  expect(filterMatches(alarm(id).pattern, fires)).toBe(true);
  expect(filterMatches(alarm(id).pattern, misses)).toBe(false);
});

test.each<[string, CloudTrailEvent]>([
  [
    "the root user when AWS acts as it, for a service event",
    {
      ...call("sts.amazonaws.com", "GetCallerIdentity"),
      userIdentity: { type: "Root" },
      eventType: "AwsServiceEvent",
    },
  ],
  [
    "a denied call from log delivery",
    call("s3.amazonaws.com", "PutObject", {
      errorCode: "AccessDenied",
      sourceIPAddress: "delivery.logs.amazonaws.com",
    }),
  ],
  [
    "an Identity Center sign-in, which has no IAM user",
    consoleLogin("AssumedRole", "No", "Success"),
  ],
  ["the same event name from another service", call("ec2.amazonaws.com", "CreatePolicy")],
])("no alarm fires for %s", (_, event) => {
  const fired = CIS_ALARMS.filter((definition) => filterMatches(definition.pattern, event));
  expect(fired.map((definition) => definition.id)).toEqual([]);
});

describe("the break-glass alarm", () => {
  const breakGlass = breakGlassAlarm("BreakGlassAdmin");
  const sessionCall = (role: string) =>
    call("ec2.amazonaws.com", "TerminateInstances", {
      userIdentity: {
        type: "AssumedRole",
        arn: `arn:aws:sts::555566667777:assumed-role/${role}/alice@example.com`,
      },
    });
  const samlSignIn = (role: string) =>
    call("sts.amazonaws.com", "AssumeRoleWithSAML", {
      userIdentity: { type: "SAMLUser" },
      requestParameters: {
        roleArn: `arn:aws:iam::555566667777:role/aws-reserved/sso.amazonaws.com/${role}`,
      },
    });

  test("has its own id and names the permission set", () => {
    expect(breakGlass.id).toBe("break-glass-use");
    expect(CIS_ALARMS.map((definition) => definition.id)).not.toContain(breakGlass.id);
    expect(breakGlass.description).toContain("BreakGlassAdmin");
  });

  test("fires on signing in to the set and on any call made in its sessions", () => {
    expect(
      filterMatches(breakGlass.pattern, samlSignIn("AWSReservedSSO_BreakGlassAdmin_0a1b")),
    ).toBe(true);
    expect(
      filterMatches(breakGlass.pattern, sessionCall("AWSReservedSSO_BreakGlassAdmin_0a1b")),
    ).toBe(true);
  });

  test("stays quiet for other permission sets, even one whose name begins the same", () => {
    for (const role of [
      "AWSReservedSSO_PlatformAdmin_0a1b",
      "AWSReservedSSO_BreakGlassAdminRead_0a1b",
    ]) {
      expect(filterMatches(breakGlass.pattern, samlSignIn(role))).toBe(false);
      expect(filterMatches(breakGlass.pattern, sessionCall(role))).toBe(false);
    }
  });
});
