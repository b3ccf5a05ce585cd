import type { EmulatorGap } from "../../../aws-harness/emulator/emulator-gap";
import { explainingGap, proveGaps } from "../../../aws-harness/emulator/prove-gaps";
import type { StrippedStack } from "../../../aws-harness/emulator/strip-emulator-gaps";

const hubGap: EmulatorGap = {
  resourceType: "aws_securityhub_account",
  reason: "no configuration updates",
  failingCall: "SecurityHub: UpdateSecurityHubConfiguration",
  emulatorMessage: "NotImplementedError: The update_security_hub_configuration action",
};
const aggregatorGap: EmulatorGap = {
  resourceType: "aws_securityhub_finding_aggregator",
  reason: "no aggregators",
  failingCall: "SecurityHub: CreateFindingAggregator",
  emulatorMessage: 'POST /findingAggregator/create HTTP/1.1" 404',
};
const full: StrippedStack = {
  stack: {},
  removed: [
    { address: "aws_securityhub_account.hub", gap: hubGap },
    { address: "aws_securityhub_finding_aggregator.all", gap: aggregatorGap },
    { address: "aws_securityhub_standards_subscription.cis", gap: hubGap, dependsOn: "x" },
  ],
  withheld: [],
  unread: [],
  droppedWaits: [],
  standIns: [],
};
const error = (address: string, summary: string) =>
  JSON.stringify({ type: "diagnostic", diagnostic: { severity: "error", summary, address } });
const HUB_ERROR = error(
  "aws_securityhub_account.hub",
  "updating Security Hub Account: operation error SecurityHub: UpdateSecurityHubConfiguration, https response error StatusCode: 500",
);
const AGGREGATOR_ERROR = error(
  "aws_securityhub_finding_aggregator.all",
  "creating Security Hub Finding Aggregator: operation error SecurityHub: CreateFindingAggregator, https response error StatusCode: 404",
);
const LOG = `NotImplementedError: The update_security_hub_configuration action has not been implemented\n"POST /findingAggregator/create HTTP/1.1" 404 -`;

test("a gap resource that waits for another is proven on the next pass, without the first", async () => {
  const passes: string[][] = [];
  let settled = 0;
  // The aggregator uses a value of the hub: it is attempted only once the hub is left out.
  // Once every suspect is seen failing, no pass is left to make.
  const outputs = [HUB_ERROR, AGGREGATOR_ERROR];
  const proof = await proveGaps(
    full,
    (gaps) => {
      passes.push(gaps.map((gap) => gap.resourceType));
      return full;
    },
    () => Promise.resolve(outputs.shift()!),
    () => {
      settled++;
      return Promise.resolve();
    },
    () => LOG,
  );
  expect([...proof.observed]).toEqual([hubGap, aggregatorGap]);
  expect(proof.unexplained).toEqual([]);
  expect(passes).toEqual([[], ["aws_securityhub_account"]]);
  // Before each pass after the first, the state forgets what that pass leaves out.
  expect(settled).toBe(1);
});

test("an error the gap list doesn't name stops the proof and is reported", async () => {
  const other = error(
    "aws_iam_role.reader",
    "creating IAM Role: MalformedPolicyDocument: Has prohibited field Resource",
  );
  const proof = await proveGaps(
    full,
    () => full,
    () => Promise.resolve([HUB_ERROR, other].join("\n")),
    async () => {},
    () => LOG,
  );
  expect(proof.unexplained).toEqual([
    "aws_iam_role.reader: creating IAM Role: MalformedPolicyDocument: Has prohibited field Resource",
  ]);
});

describe("explainingGap", () => {
  const onGapList = full.removed;
  const diagnostic = (address: string, summary: string) => ({
    severity: "error" as const,
    summary,
    detail: "",
    address,
  });

  test("needs the resource on the list, its failing call, and the emulator's message", () => {
    const hub = diagnostic(
      "aws_securityhub_account.hub",
      "operation error SecurityHub: UpdateSecurityHubConfiguration, StatusCode: 500",
    );
    expect(explainingGap(hub, onGapList, LOG)).toBe(hubGap);
    expect(explainingGap(hub, onGapList, "")).toBeUndefined();
    expect(
      explainingGap({ ...hub, address: "aws_securityhub_account.other" }, onGapList, LOG),
    ).toBeUndefined();
    expect(
      explainingGap(
        { ...hub, summary: "operation error SecurityHub: EnableSecurityHub, StatusCode: 500" },
        onGapList,
        LOG,
      ),
    ).toBeUndefined();
  });

  test("an error that isn't an HTTP 500 or 404 must carry the message itself", () => {
    const refused = diagnostic(
      "aws_securityhub_account.hub",
      "operation error SecurityHub: UpdateSecurityHubConfiguration, StatusCode: 400, AccessDenied",
    );
    expect(explainingGap(refused, onGapList, LOG)).toBeUndefined();
  });

  test("a resource left out only as a dependent explains nothing", () => {
    expect(
      explainingGap(
        diagnostic(
          "aws_securityhub_standards_subscription.cis",
          "operation error SecurityHub: UpdateSecurityHubConfiguration, StatusCode: 500",
        ),
        onGapList.filter((entry) => !entry.dependsOn),
        LOG,
      ),
    ).toBeUndefined();
  });
});

test("what waits for a withheld resource keeps waiting: it is in every run", async () => {
  const trustedAccess: EmulatorGap = {
    resourceType: "aws_organizations_organization",
    reason: "no iam.amazonaws.com",
    failingCall: "Organizations: EnableAWSServiceAccess",
    emulatorMessage: "InvalidInputException: You specified an unrecognized service principal.",
    withhold: { argument: "aws_service_access_principals", withoutElement: "iam.amazonaws.com" },
  };
  const withOrganization: StrippedStack = {
    ...full,
    removed: [{ address: "aws_securityhub_account.hub", gap: hubGap }],
    withheld: [{ address: "aws_organizations_organization.org", gap: trustedAccess }],
  };
  const unwaited: string[][] = [];
  const outputs = [
    error(
      "aws_organizations_organization.org",
      "enabling AWS Service Access (iam.amazonaws.com): operation error Organizations: EnableAWSServiceAccess, InvalidInputException: You specified an unrecognized service principal.",
    ),
    HUB_ERROR,
  ];
  const proof = await proveGaps(
    withOrganization,
    (_, unwait) => {
      unwaited.push(unwait.map((gap) => gap.resourceType));
      return withOrganization;
    },
    () => Promise.resolve(outputs.shift()!),
    async () => {},
    () => LOG,
  );
  expect([...proof.observed]).toEqual([trustedAccess, hubGap]);
  expect(unwaited).toEqual([["aws_securityhub_account"], ["aws_securityhub_account"]]);
});
