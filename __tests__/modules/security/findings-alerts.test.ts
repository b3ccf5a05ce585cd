import { findControls } from "../../../compliance/controls/control";
import type { FindingSeverity } from "../../../config/schema/security-findings-schema";
import {
  GUARDDUTY_SEVERITY_SCORES,
  severitiesFrom,
} from "../../../modules/security/finding-event-patterns";
import { FindingsAlerts } from "../../../modules/security/findings-alerts";
import type { FindingsAlertsProps } from "../../../modules/security/findings-alerts";
import { ruleViolations } from "../../helpers/rule-violations";
import { decideUnder } from "../../helpers/simulate-policy";
import {
  parsedPolicy,
  resourceNamed,
  resourcesOf,
  synthConstruct,
} from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const AUDIT = "333344445555";
const OTHER = "999988887777";
const REGION = "us-west-2";
const TOPIC = `arn:aws:sns:${REGION}:${AUDIT}:nwh-security-findings`;
const HUB_RULE = `arn:aws:events:${REGION}:${AUDIT}:rule/nwh-security-hub-findings`;
const EMAILS = ["security@example.com", "oncall@example.com"];
const PAGER = "https://events.pagerduty.com/integration/0123456789abcdef/enqueue";

function synthAlerts(overrides: Partial<FindingsAlertsProps> = {}) {
  let made!: FindingsAlerts;
  const json = synthConstruct((scope) => {
    made = new FindingsAlerts(scope, "findings-alerts", {
      namePrefix: "nwh",
      partition: "aws",
      region: REGION,
      accountId: AUDIT,
      minimumSeverity: "HIGH",
      emails: EMAILS,
      httpsEndpoints: [PAGER],
      ...overrides,
    });
  });
  return { json, made };
}

const rules = (json: StackJson) => Object.values(resourcesOf(json, "aws_cloudwatch_event_rule"));
const patternOf = (rule: StackJson) => JSON.parse(rule.event_pattern);

test.each<[FindingSeverity, string[]]>([
  ["LOW", ["LOW", "MEDIUM", "HIGH", "CRITICAL"]],
  ["MEDIUM", ["MEDIUM", "HIGH", "CRITICAL"]],
  ["HIGH", ["HIGH", "CRITICAL"]],
  ["CRITICAL", ["CRITICAL"]],
])(
  "from %s, the Security Hub rule matches exactly the severities at or above it",
  (minimum, expected) => {
    expect(severitiesFrom(minimum)).toEqual(expected);
    const [rule] = rules(synthAlerts({ minimumSeverity: minimum }).json);
    expect(patternOf(rule)).toEqual({
      source: ["aws.securityhub"],
      "detail-type": ["Security Hub Findings - Imported"],
      detail: {
        findings: {
          Severity: { Label: expected },
          RecordState: ["ACTIVE"],
          Workflow: { Status: ["NEW"] },
        },
      },
    });
  },
);

describe("with Security Hub on (the landing zone's case)", () => {
  let json: StackJson;
  let made: FindingsAlerts;
  beforeAll(() => {
    ({ json, made } = synthAlerts());
  });

  test("one rule in the home region, on Security Hub, which carries GuardDuty, Inspector, Macie and Access Analyzer", () => {
    expect(rules(json)).toEqual([
      expect.objectContaining({ region: REGION, name: "nwh-security-hub-findings" }),
    ]);
  });

  test("the rule targets the topic", () => {
    expect(Object.values(resourcesOf(json, "aws_cloudwatch_event_target"))).toEqual([
      {
        region: REGION,
        rule: expect.stringMatching(
          /^\$\{aws_cloudwatch_event_rule\.findings-alerts_rule-security-hub_\w+\.name\}$/,
        ),
        target_id: "security-findings-topic",
        arn: expect.stringMatching(/^\$\{aws_sns_topic\.findings-alerts_topic_\w+\.arn\}$/),
      },
    ]);
  });

  test("the topic is encrypted with a customer-managed key of its own", () => {
    expect(resourceNamed(json, "aws_sns_topic", "topic")).toEqual({
      region: REGION,
      name: "nwh-security-findings",
      kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.findings-alerts_key_\w+\.arn\}$/),
    });
    expect(resourceNamed(json, "aws_kms_alias", "key")).toMatchObject({
      region: REGION,
      name: "alias/nwh/security-findings",
    });
  });

  test("each email and HTTPS endpoint is subscribed; the webhook's secret path stays out of the address", () => {
    const subscriptions = resourcesOf(json, "aws_sns_topic_subscription");
    expect(
      Object.values(subscriptions)
        .map((subscription) => `${subscription.protocol} ${subscription.endpoint}`)
        .sort(),
    ).toEqual([...EMAILS.map((email) => `email ${email}`), `https ${PAGER}`].sort());
    const ids = Object.keys(subscriptions).join(" ");
    expect(ids).toMatch(/findings-alerts_email-security-example-com_/);
    expect(ids).toMatch(/findings-alerts_https-events-pagerduty-com-[0-9a-f]{8}_/);
    expect(ids).not.toContain("0123456789abcdef");
  });

  test("the guardrail rules pass", () => {
    expect(ruleViolations(json)).toEqual([]);
  });

  test("declares the routing control for CC7.2, CC7.3 and CC7.4, with the threshold", () => {
    const routing = findControls(made).find(
      (placement) => placement.control.id === "security-findings-routing",
    )!.control;
    expect(routing.criteria).toEqual(["CC7.2", "CC7.3", "CC7.4"]);
    expect(routing.description).toMatch(
      /^Security Hub \(its controls', GuardDuty's, Inspector's, Macie's and Access Analyzer's\) findings of severity HIGH, CRITICAL go to/,
    );
  });

  describe("the key policy", () => {
    const decide = (principal: string, context: Record<string, string>, action: string) =>
      decideUnder(parsedPolicy(resourceNamed(json, "aws_kms_key", "key").policy), {
        principal,
        action,
        resource: `arn:aws:kms:${REGION}:${AUDIT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        resourceAccount: AUDIT,
        context,
      });

    test.each([
      [
        "EventBridge in the owning account may encrypt",
        { "aws:SourceAccount": AUDIT, "aws:SourceArn": HUB_RULE },
        "Allowed",
      ],
      [
        "a rule of another account may not",
        {
          "aws:SourceAccount": OTHER,
          "aws:SourceArn": `arn:aws:events:${REGION}:${OTHER}:rule/nwh-security-hub-findings`,
        },
        "ImplicitlyDenied",
      ],
    ])("%s", async (_, context, expected) => {
      for (const action of ["kms:GenerateDataKey", "kms:Decrypt"])
        expect(await decide("events.amazonaws.com", context, action)).toBe(expected);
    });

    test("the owning account governs the key through IAM", async () => {
      expect(await decide(`arn:aws:iam::${AUDIT}:role/Admin`, {}, "kms:DescribeKey")).toBe(
        "Allowed",
      );
    });
  });

  describe("the topic policy", () => {
    const decide = (
      principal: string,
      action: string,
      context: Record<string, string> = { "aws:SecureTransport": "true" },
    ) =>
      decideUnder(parsedPolicy(resourceNamed(json, "aws_sns_topic_policy", "topic").policy), {
        principal,
        action,
        resource: TOPIC,
        resourceAccount: AUDIT,
        context,
      });

    test("is about this topic", () => {
      const { Statement } = parsedPolicy(
        resourceNamed(json, "aws_sns_topic_policy", "topic").policy,
      );
      expect(new Set(Statement.map((statement) => statement.Resource))).toEqual(new Set([TOPIC]));
    });

    test.each([
      [
        "the finding rule may publish",
        "events.amazonaws.com",
        { "aws:SourceAccount": AUDIT, "aws:SourceArn": HUB_RULE, "aws:SecureTransport": "true" },
        "Allowed",
      ],
      [
        "another rule of the account may not",
        "events.amazonaws.com",
        {
          "aws:SourceAccount": AUDIT,
          "aws:SourceArn": `arn:aws:events:${REGION}:${AUDIT}:rule/something-else`,
          "aws:SecureTransport": "true",
        },
        "ExplicitlyDenied",
      ],
      [
        "not even the finding rule without TLS",
        "events.amazonaws.com",
        { "aws:SourceAccount": AUDIT, "aws:SourceArn": HUB_RULE, "aws:SecureTransport": "false" },
        "ExplicitlyDenied",
      ],
      [
        "nor an administrator of the account, whose IAM policy allows everything",
        `arn:aws:iam::${AUDIT}:role/Admin`,
        { "aws:SecureTransport": "true" },
        "ExplicitlyDenied",
      ],
      [
        "nor another service",
        "cloudwatch.amazonaws.com",
        { "aws:SourceAccount": AUDIT, "aws:SecureTransport": "true" },
        "ExplicitlyDenied",
      ],
    ])("%s", async (_, principal, context, expected) => {
      expect(await decide(principal, "sns:Publish", context)).toBe(expected);
    });

    test("the account manages the topic; another account may not subscribe", async () => {
      expect(await decide(`arn:aws:iam::${AUDIT}:role/Admin`, "sns:SetTopicAttributes")).toBe(
        "Allowed",
      );
      expect(await decide(`arn:aws:iam::${OTHER}:role/Admin`, "sns:Subscribe")).toBe(
        "ImplicitlyDenied",
      );
    });
  });
});

describe("without Security Hub", () => {
  test("GuardDuty findings are routed directly, by numeric severity", () => {
    const { json } = synthAlerts({ securityHub: false, minimumSeverity: "MEDIUM" });
    const [rule] = rules(json);
    expect(rule.name).toBe("nwh-guardduty-findings");
    expect(patternOf(rule)).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", 4] }] },
    });
  });

  test("GuardDuty's bands: LOW from 1, MEDIUM from 4, HIGH from 7, CRITICAL from 9", () => {
    expect(GUARDDUTY_SEVERITY_SCORES).toEqual({ LOW: 1, MEDIUM: 4, HIGH: 7, CRITICAL: 9 });
  });
});

test("refuses to alert nobody", () => {
  expect(() => synthAlerts({ emails: [], httpsEndpoints: [] })).toThrow(
    "Security findings alerts need at least one email or HTTPS endpoint, got none",
  );
});
