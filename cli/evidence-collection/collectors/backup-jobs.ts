import {
  BackupClient,
  paginateListBackupJobs,
  paginateListCopyJobs,
  paginateListRestoreJobs,
  paginateListRestoreTestingPlans,
} from "@aws-sdk/client-backup";
import type { RestoreJobsListMember } from "@aws-sdk/client-backup";
import type { ClientPool } from "../aws-access";
import type { EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { flagFor } from "../evidence-run";

/** AWS Backup lists the jobs of the last 30 days only. */
const LISTED_DAYS = 30;
const FAILED_STATES = ["FAILED", "ABORTED", "EXPIRED", "PARTIAL"];

const countBy = (values: readonly string[]) =>
  values.reduce<Record<string, number>>((counts, value) => {
    counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  }, {});

async function readBackup(clients: ClientPool, region: string, start: Date, end: Date) {
  const client = clients.client(BackupClient, region);
  const window = { ByCreatedAfter: start, ByCreatedBefore: end };
  const jobs = [];
  for await (const page of paginateListBackupJobs({ client }, window))
    jobs.push(...(page.BackupJobs ?? []));
  const copies = [];
  for await (const page of paginateListCopyJobs({ client }, window))
    copies.push(...(page.CopyJobs ?? []));
  const plans = [];
  for await (const page of paginateListRestoreTestingPlans({ client }, {}))
    plans.push(...(page.RestoreTestingPlans ?? []));
  const restores: RestoreJobsListMember[] = [];
  for await (const page of paginateListRestoreJobs({ client }, window))
    restores.push(...(page.RestoreJobs ?? []));
  return {
    backupJobs: countBy(jobs.map((job) => job.State ?? "UNKNOWN")),
    failedBackupJobs: jobs
      .filter((job) => FAILED_STATES.includes(job.State ?? ""))
      .map((job) => ({
        id: job.BackupJobId ?? "",
        resource: job.ResourceArn ?? "",
        state: job.State ?? "",
        created: job.CreationDate?.toISOString() ?? null,
        message: job.StatusMessage ?? null,
      })),
    copyJobs: countBy(copies.map((job) => job.State ?? "UNKNOWN")),
    restoreTesting: plans.map((plan) => {
      const runs = restores.filter(
        (job) => job.CreatedBy?.RestoreTestingPlanArn === plan.RestoreTestingPlanArn,
      );
      return {
        plan: plan.RestoreTestingPlanName ?? "",
        lastExecution: plan.LastExecutionTime?.toISOString() ?? null,
        restoreJobs: countBy(runs.map((job) => job.Status ?? "UNKNOWN")),
        validation: countBy(runs.map((job) => job.ValidationStatus ?? "NOT_VALIDATED")),
        failures: runs
          .filter((job) => job.Status === "FAILED" || job.ValidationStatus === "FAILED")
          .map((job) => ({
            id: job.RestoreJobId ?? "",
            resourceType: job.ResourceType ?? "",
            status: job.Status ?? "",
            validation: job.ValidationStatus ?? null,
            message: job.StatusMessage ?? null,
          })),
      };
    }),
  };
}

const sum = (counts: Record<string, number>, states?: readonly string[]) =>
  Object.entries(counts)
    .filter(([state]) => !states || states.includes(state))
    .reduce((total, [, count]) => total + count, 0);

/**
 * AWS Backup over the period in every account and governed region: backup and copy jobs by state,
 * the failed ones, and restore testing (each plan's restore jobs and their validation). A failed
 * job, a failed restore test, a restore testing plan that ran no test, and an account whose
 * environment backs up but that made no backup, are flagged.
 */
export const BACKUP_JOBS: EvidenceCheck = {
  id: "backup",
  title:
    "AWS Backup over the period: job success and failure counts, copies, restore testing results",
  criteria: ["A1.2", "A1.3", "CC7.5", "CC9.1"],
  covers: "period",
  async collect(run: EvidenceRun) {
    const { period, collectedAt } = run;
    const listedFrom = new Date(collectedAt.getTime() - LISTED_DAYS * 24 * 60 * 60 * 1000);
    const start = period.start < listedFrom ? listedFrom : period.start;
    const end = period.end < collectedAt ? period.end : collectedAt;
    const flags: Flag[] = [];
    if (start > period.start)
      flags.push({
        issue: `AWS Backup lists the jobs of the last ${LISTED_DAYS} days only: jobs from ${period.from} to ${start.toISOString()} are not in this file (collect within ${LISTED_DAYS} days of the period's start; the Backup Audit Manager reports hold them)`,
      });
    const backsUp = new Set(
      run.config.environments
        .filter((environment) => (environment.config.baseline.backup?.plans.length ?? 0) > 0)
        .map((environment) => environment.config.name),
    );
    const units = await run.eachAccountRegion(this.id, ({ clients, region }) =>
      readBackup(clients, region, start, end),
    );
    for (const { account, region, value } of units) {
      const failed = sum(value.backupJobs, FAILED_STATES);
      if (failed > 0) flags.push(flagFor(account, `${failed} backup jobs failed`, region));
      const failedCopies = sum(value.copyJobs, FAILED_STATES);
      if (failedCopies > 0)
        flags.push(flagFor(account, `${failedCopies} copy jobs failed`, region));
      if (account.environment && backsUp.has(account.environment) && sum(value.backupJobs) === 0)
        flags.push(
          flagFor(account, "no backup job in the period, though its environment backs up", region),
        );
      for (const plan of value.restoreTesting) {
        if (sum(plan.restoreJobs) === 0)
          flags.push(
            flagFor(
              account,
              `restore testing plan ${plan.plan} ran no restore in the period`,
              region,
            ),
          );
        if (plan.failures.length > 0)
          flags.push(
            flagFor(
              account,
              `${plan.failures.length} restore tests of ${plan.plan} failed`,
              region,
            ),
          );
      }
    }
    const total = (pick: (value: (typeof units)[number]["value"]) => number) =>
      units.reduce((count, unit) => count + pick(unit.value), 0);
    return {
      summary: {
        accountRegions: units.length,
        completedBackupJobs: total((value) => sum(value.backupJobs, ["COMPLETED"])),
        failedBackupJobs: total((value) => sum(value.backupJobs, FAILED_STATES)),
        completedCopyJobs: total((value) => sum(value.copyJobs, ["COMPLETED"])),
        failedCopyJobs: total((value) => sum(value.copyJobs, FAILED_STATES)),
        restoreTests: total((value) =>
          value.restoreTesting.reduce((n, plan) => n + sum(plan.restoreJobs), 0),
        ),
        failedRestoreTests: total((value) =>
          value.restoreTesting.reduce((n, plan) => n + plan.failures.length, 0),
        ),
      },
      flags,
      results: {
        listed: { from: start.toISOString(), to: end.toISOString() },
        accounts: units.map(({ account, region, value }) => ({
          account: account.name,
          accountId: account.id,
          region,
          ...value,
        })),
      },
    };
  },
};
