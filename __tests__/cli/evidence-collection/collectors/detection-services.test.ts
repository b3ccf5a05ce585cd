import {
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
} from "@aws-sdk/client-guardduty";
import { BatchGetAccountStatusCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import { GetMacieSessionCommand, Macie2Client } from "@aws-sdk/client-macie2";
import { mockClient } from "aws-sdk-client-mock";
import { DETECTION_SERVICES } from "../../../../cli/evidence-collection/collectors/detection-services";
import { collect, exampleRun, IDS } from "../evidence-run-fixture";

const guardDuty = mockClient(GuardDutyClient);
const inspector = mockClient(Inspector2Client);
const macie = mockClient(Macie2Client);
afterAll(() => [guardDuty, inspector, macie].forEach((mock) => mock.restore()));

const FEATURES = [
  "S3_DATA_EVENTS",
  "EKS_AUDIT_LOGS",
  "EBS_MALWARE_PROTECTION",
  "RDS_LOGIN_EVENTS",
  "LAMBDA_NETWORK_LOGS",
  "RUNTIME_MONITORING",
];

beforeEach(() => {
  [guardDuty, inspector, macie].forEach((mock) => mock.reset());
  guardDuty.on(ListDetectorsCommand).resolves({ DetectorIds: ["d1"] });
  guardDuty.on(GetDetectorCommand).resolves({
    Status: "ENABLED",
    ServiceRole: "role",
    Features: FEATURES.map((name) => ({
      Name: name,
      Status: name === "RDS_LOGIN_EVENTS" ? "DISABLED" : "ENABLED",
    })),
  } as never);
  inspector.on(BatchGetAccountStatusCommand).callsFake((input: { accountIds: string[] }) => ({
    accounts: input.accountIds.map((accountId) => ({
      accountId,
      state: { status: "ENABLED" },
      resourceState: { ec2: { status: "ENABLED" }, ecr: { status: "ENABLED" } },
    })),
  }));
  macie.on(GetMacieSessionCommand).resolves({ status: "ENABLED" });
});

test("records each service's status and flags a protection plan config turns on that is off", async () => {
  const { results, flags, missing } = await collect(DETECTION_SERVICES, await exampleRun());
  expect(missing).toEqual([]);
  const entry = (results as { accounts: Record<string, unknown>[] }).accounts.find(
    (account) => account.accountId === IDS.audit && account.region === "us-east-1",
  );
  expect(entry).toMatchObject({
    guardDuty: { status: "ENABLED", features: { RDS_LOGIN_EVENTS: "DISABLED" } },
    inspector: { status: "ENABLED", resources: { ec2: "ENABLED", ecr: "ENABLED" } },
    macie: { status: "ENABLED" },
  });
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    region: "us-east-1",
    issue: "GuardDuty RDS_LOGIN_EVENTS is not enabled",
  });
});

test("a service that is off is a flag; one that can't be read is missing, and the others stay", async () => {
  macie
    .on(GetMacieSessionCommand)
    .rejects(Object.assign(new Error("Macie is not enabled."), { name: "AccessDeniedException" }));
  inspector
    .on(BatchGetAccountStatusCommand)
    .rejects(Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException" }));
  const { results, flags, missing } = await collect(DETECTION_SERVICES, await exampleRun());
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    region: "us-west-2",
    issue: "Macie is not enabled",
  });
  expect(missing).toContainEqual({
    check: "detection-services",
    account: IDS["dev-data"],
    accountName: "dev-data",
    region: "us-west-2",
    reason: "Inspector: AccessDeniedException: User is not authorized",
  });
  const entry = (results as { accounts: Record<string, unknown>[] }).accounts[0];
  expect(entry.guardDuty).toMatchObject({ status: "ENABLED" });
});
