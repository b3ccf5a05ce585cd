import {
  DescribeHubCommand,
  DescribeStandardsControlsCommand,
  GetEnabledStandardsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from "@aws-sdk/client-securityhub";
import type { AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import { mockClient } from "aws-sdk-client-mock";
import { SECURITY_HUB } from "../../../../cli/evidence-collection/collectors/security-hub";
import { collect, exampleRun, IDS } from "../evidence-run-fixture";

const hub = mockClient(SecurityHubClient);
afterAll(() => hub.restore());

const FSBP =
  "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";
const finding = (severity: string, control?: string) =>
  ({
    Severity: { Label: severity },
    ...(control ? { Compliance: { Status: "FAILED", SecurityControlId: control } } : {}),
  }) as AwsSecurityFinding;

beforeEach(() => {
  hub.reset();
  hub
    .on(DescribeHubCommand)
    .resolves({ HubArn: "arn:aws:securityhub:us-east-1:111122223333:hub/default" });
  hub.on(GetEnabledStandardsCommand).resolves({
    StandardsSubscriptions: [
      {
        StandardsArn: FSBP,
        StandardsSubscriptionArn: "arn:sub/fsbp",
        StandardsStatus: "READY",
        StandardsInput: {},
      },
    ],
  });
  hub.on(DescribeStandardsControlsCommand).resolves({
    Controls: [
      {
        ControlId: "IAM.6",
        ControlStatus: "DISABLED",
        DisabledReason: "Root sessions are centralized",
        Title: "Hardware MFA for root",
      },
      { ControlId: "EC2.10", ControlStatus: "DISABLED", Title: "VPC endpoints for EC2" },
      { ControlId: "S3.1", ControlStatus: "ENABLED", Title: "S3 public access block" },
    ],
  });
  hub.on(GetFindingsCommand).resolves({
    Findings: [
      finding("CRITICAL", "S3.1"),
      finding("HIGH", "S3.1"),
      finding("MEDIUM"),
      finding("LOW", "EC2.2"),
    ],
  });
});

test("records standards, findings by severity and by control, and the disabled controls", async () => {
  const { results, flags, summary } = await collect(SECURITY_HUB, await exampleRun());
  const entry = (results as { accounts: Record<string, unknown>[] }).accounts.find(
    (account) => account.accountId === IDS.audit && account.region === "us-west-2",
  );
  expect(entry).toMatchObject({
    enabled: true,
    standards: [{ standard: FSBP, status: "READY" }],
    findingsBySeverity: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, INFORMATIONAL: 0 },
    failedControls: [
      { control: "S3.1", severity: "CRITICAL", failed: 2 },
      { control: "EC2.2", severity: "LOW", failed: 1 },
    ],
  });
  expect(
    (entry?.disabledControls as { control: string }[]).map((control) => control.control),
  ).toEqual(["IAM.6", "EC2.10"]);
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    region: "us-west-2",
    issue: "1 critical and 1 high active findings",
  });
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    region: "us-west-2",
    issue: "control EC2.10 is disabled without a reason",
  });
  expect(summary).toMatchObject({ accountRegions: 12, enabled: 12, criticalFindings: 12 });
  // Each account's own findings: the administrator sees its members' too.
  expect(hub.commandCalls(GetFindingsCommand)[0].args[0].input.Filters?.AwsAccountId).toHaveLength(
    1,
  );
});

test("Security Hub off is a flag, not a missing check", async () => {
  hub.on(DescribeHubCommand).rejects(
    Object.assign(new Error("Account is not subscribed to AWS Security Hub"), {
      name: "InvalidAccessException",
    }),
  );
  const { flags, missing } = await collect(SECURITY_HUB, await exampleRun());
  expect(missing).toEqual([]);
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    region: "us-east-1",
    issue: "Security Hub is not enabled",
  });
});
