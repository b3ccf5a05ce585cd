import {
  BackupClient,
  ListBackupJobsCommand,
  ListCopyJobsCommand,
  ListRestoreJobsCommand,
  ListRestoreTestingPlansCommand,
} from "@aws-sdk/client-backup";
import { mockClient } from "aws-sdk-client-mock";
import { BACKUP_JOBS } from "../../../../cli/evidence-collection/collectors/backup-jobs";
import { collect, exampleRun, IDS } from "../evidence-run-fixture";

const backup = mockClient(BackupClient);
afterAll(() => backup.restore());

const PLAN = "arn:aws:backup:us-east-1:200000000005:restore-testing-plan:nwh_restore_testing-1";

beforeEach(() => {
  backup.reset();
  backup.on(ListBackupJobsCommand).resolves({
    BackupJobs: [
      { BackupJobId: "1", State: "COMPLETED" },
      { BackupJobId: "2", State: "COMPLETED" },
      {
        BackupJobId: "3",
        State: "FAILED",
        ResourceArn: "arn:aws:ec2:us-east-1:200000000005:volume/vol-1",
        StatusMessage: "Insufficient privileges",
      },
    ],
  });
  backup.on(ListCopyJobsCommand).resolves({ CopyJobs: [{ CopyJobId: "c1", State: "COMPLETED" }] });
  backup.on(ListRestoreTestingPlansCommand).resolves({
    RestoreTestingPlans: [
      {
        RestoreTestingPlanName: "nwh_restore_testing",
        RestoreTestingPlanArn: PLAN,
        CreationTime: new Date("2026-01-01T00:00:00Z"),
        ScheduleExpression: "cron(0 6 ? * SAT *)",
      },
    ],
  });
  backup.on(ListRestoreJobsCommand).resolves({
    RestoreJobs: [
      {
        RestoreJobId: "r1",
        Status: "COMPLETED",
        ValidationStatus: "SUCCESSFUL",
        CreatedBy: { RestoreTestingPlanArn: PLAN },
      },
      {
        RestoreJobId: "r2",
        Status: "COMPLETED",
        ValidationStatus: "FAILED",
        ResourceType: "EBS",
        CreatedBy: { RestoreTestingPlanArn: PLAN },
      },
      { RestoreJobId: "r3", Status: "COMPLETED" },
    ],
  });
});

test("counts jobs over the period and reports restore tests, flagging failures", async () => {
  const { results, flags, summary } = await collect(BACKUP_JOBS, await exampleRun());
  const calls = backup.commandCalls(ListBackupJobsCommand);
  expect(calls[0].args[0].input).toEqual({
    ByCreatedAfter: new Date("2026-05-02T06:00:00Z"),
    ByCreatedBefore: new Date("2026-06-01T00:00:00Z"),
  });
  const entry = (results as { accounts: Record<string, unknown>[] }).accounts.find(
    (account) => account.accountId === IDS["dev-data"] && account.region === "us-east-1",
  );
  expect(entry).toMatchObject({
    backupJobs: { COMPLETED: 2, FAILED: 1 },
    failedBackupJobs: [{ id: "3", state: "FAILED", message: "Insufficient privileges" }],
    copyJobs: { COMPLETED: 1 },
    restoreTesting: [
      {
        plan: "nwh_restore_testing",
        restoreJobs: { COMPLETED: 2 },
        validation: { SUCCESSFUL: 1, FAILED: 1 },
        failures: [
          {
            id: "r2",
            resourceType: "EBS",
            status: "COMPLETED",
            validation: "FAILED",
            message: null,
          },
        ],
      },
    ],
  });
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    region: "us-east-1",
    issue: "1 backup jobs failed",
  });
  expect(flags).toContainEqual({
    account: `dev-data (${IDS["dev-data"]})`,
    region: "us-east-1",
    issue: "1 restore tests of nwh_restore_testing failed",
  });
  expect(summary).toMatchObject({
    completedBackupJobs: 24,
    failedBackupJobs: 12,
    restoreTests: 24,
    failedRestoreTests: 12,
  });
});

test("says which part of the period AWS Backup no longer lists", async () => {
  const { flags, results } = await collect(BACKUP_JOBS, await exampleRun());
  expect(flags[0].issue).toMatch(
    /^AWS Backup lists the jobs of the last 30 days only: jobs from 2026-05-01 to 2026-05-02T06:00:00.000Z/,
  );
  expect((results as { listed: unknown }).listed).toEqual({
    from: "2026-05-02T06:00:00.000Z",
    to: "2026-06-01T00:00:00.000Z",
  });
});

test("an account whose environment backs up but made no backup is flagged", async () => {
  backup.on(ListBackupJobsCommand).resolves({ BackupJobs: [] });
  const { flags } = await collect(BACKUP_JOBS, await exampleRun());
  expect(flags).toContainEqual({
    account: `dev-platform (${IDS["dev-platform"]})`,
    region: "us-west-2",
    issue: "no backup job in the period, though its environment backs up",
  });
  // Core accounts have no backup plans of their own.
  expect(
    flags.filter((flag) => flag.account?.startsWith("audit") && flag.issue.startsWith("no backup")),
  ).toEqual([]);
});
