import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { IAM_CREDENTIAL_REPORTS } from "../../../../cli/evidence-collection/collectors/iam-credential-reports";
import { formatCsv } from "../../../../cli/evidence-collection/csv";
import { collect, exampleRun, IDS } from "../evidence-run-fixture";

const iam = mockClient(IAMClient);
afterAll(() => iam.restore());

const COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
];
const report = (...rows: string[][]) => new TextEncoder().encode(formatCsv([COLUMNS, ...rows]));
const root = (password: string, mfa: string, key: string) => [
  "<root_account>",
  "arn:aws:iam::000000000000:root",
  "2021-03-01T00:00:00+00:00",
  password,
  "N/A",
  mfa,
  key,
  key === "true" ? "2025-01-01T00:00:00+00:00" : "N/A",
  "N/A",
  "false",
  "N/A",
  "N/A",
];

beforeEach(() => {
  iam.reset();
  iam.on(GenerateCredentialReportCommand).resolves({ State: "COMPLETE" });
  iam
    .on(GetCredentialReportCommand)
    .resolves({ Content: report(root("not_supported", "false", "false")) });
});

test("lists every IAM user with MFA and key age, and flags each", async () => {
  // IAM is still making the first report asked for; every account's report lists the same user.
  const generate = iam.on(GenerateCredentialReportCommand);
  let calls = 0;
  generate.callsFake(() => ({ State: ++calls === 1 ? "STARTED" : "COMPLETE" }));
  iam.on(GetCredentialReportCommand).resolves({
    Content: report(root("false", "false", "false"), [
      "ci-deployer",
      "arn:aws:iam::200000000005:user/ci-deployer",
      "2024-01-10T00:00:00+00:00",
      "false",
      "N/A",
      "false",
      "true",
      "2026-03-03T06:00:00+00:00",
      "2026-05-30T00:00:00+00:00",
      "false",
      "N/A",
      "N/A",
    ]),
  });
  const { flags, results, summary, missing } = await collect(
    IAM_CREDENTIAL_REPORTS,
    await exampleRun(),
  );
  expect(missing).toEqual([]);
  const accounts = (results as { accounts: { account: string; users: unknown[] }[] }).accounts;
  expect(accounts.find((account) => account.account === "dev-data")?.users).toEqual([
    {
      user: "ci-deployer",
      arn: "arn:aws:iam::200000000005:user/ci-deployer",
      created: "2024-01-10T00:00:00+00:00",
      passwordEnabled: false,
      passwordLastUsed: null,
      mfaActive: false,
      activeAccessKeys: [
        {
          key: 1,
          lastRotated: "2026-03-03T06:00:00+00:00",
          ageDays: 90,
          lastUsed: "2026-05-30T00:00:00+00:00",
        },
      ],
    },
  ]);
  expect(flags).toContainEqual({
    account: `dev-platform (${IDS["dev-platform"]})`,
    issue: "IAM user ci-deployer: password off, MFA off, active access keys aged 90 days",
  });
  expect(summary).toMatchObject({ accounts: 6 });
});

test("flags a root user with an access key, or a password without MFA", async () => {
  iam.on(GetCredentialReportCommand).resolves({ Content: report(root("true", "false", "true")) });
  const { flags } = await collect(IAM_CREDENTIAL_REPORTS, await exampleRun());
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    issue: "the root user has an active access key",
  });
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    issue: "the root user has a password and no MFA",
  });
});

test("an account whose read role can't be assumed is missing, with the reason", async () => {
  const run = await exampleRun({
    failures: {
      [IDS.audit]:
        "the read role arn:aws:iam::200000000002:role/nwh-lz-read could not be assumed: AccessDenied",
    },
  });
  const { missing, results } = await collect(IAM_CREDENTIAL_REPORTS, run);
  expect(missing).toEqual([
    {
      check: "iam-credential-reports",
      account: IDS.audit,
      accountName: "audit",
      region: "us-east-1",
      reason:
        "the read role arn:aws:iam::200000000002:role/nwh-lz-read could not be assumed: AccessDenied",
    },
  ]);
  expect((results as { accounts: unknown[] }).accounts).toHaveLength(5);
});
