import { formatSummary } from "../../cli/synth-summary";
import {
  expiringSuppressions,
  securityHubTuningExceptions,
} from "../../compliance/suppressions/expiring-suppressions";
import type { SynthesizedStack } from "../../compliance/rules/evaluate-rules";

const stackWith = (name: string, resources: number): SynthesizedStack => ({
  name,
  json: {
    resource: {
      aws_s3_bucket: Object.fromEntries(
        Array.from({ length: resources }, (_, index) => [`b${index}`, {}]),
      ),
    },
  },
});

test("a small organization lists every stack with its resource count", () => {
  const summary = formatSummary(
    "cdktf.out",
    [stackWith("organization", 3), stackWith("account-audit", 2)],
    1234,
  );
  expect(summary.split("\n")).toEqual([
    "Synthesized 2 stacks, 5 resources, into cdktf.out in 1.23 s",
    "  organization      3 resources",
    "  account-audit     2 resources",
  ]);
});

test("a large organization sums its account baselines up in one line", () => {
  const baselines = Array.from({ length: 50 }, (_, index) =>
    stackWith(`account-svc-${index}`, index < 10 ? 2 : 5),
  );
  const summary = formatSummary("out", [stackWith("prod", 7), ...baselines], 60_000);
  expect(summary.split("\n")).toEqual([
    "Synthesized 51 stacks, 227 resources, into out in 60.00 s",
    "  prod      7 resources",
    "  account-* (50 account baselines)  2–5 resources each, 220 in all",
  ]);
});

test("held baselines are named with their state, date and reason", () => {
  const summary = formatSummary("out", [stackWith("staging", 4)], 1000, {
    held: [
      {
        account: "staging-data",
        environment: "staging",
        stack: "account-staging-data",
        state: "quarantined",
        reason: "Credentials leaked",
        since: "2026-11-29",
      },
    ],
  });
  expect(summary.split("\n").slice(2)).toEqual([
    "Held, not synthesized (the quarantine OU's deny-all SCP refuses any plan in these accounts):",
    "  account-staging-data: quarantined since 2026-11-29 (Credentials leaked); its state is kept as it was",
  ]);
});

test("suppressions that expire within 30 days are announced, soonest first", () => {
  const suppressions = [
    {
      rule: "LZ-BKP-004",
      resource: "account-dev-*/aws_backup_plan.*",
      justification: "j",
      expires: "2027-01-15",
    },
    {
      rule: "LZ-S3-001",
      resource: "logging/aws_s3_bucket.a",
      justification: "j",
      expires: "2026-12-02",
    },
    {
      rule: "LZ-S3-002",
      resource: "logging/aws_s3_bucket.b",
      justification: "j",
      expires: "2027-03-01",
    },
    { rule: "LZ-S3-003", resource: "logging/aws_s3_bucket.c", justification: "j" },
  ];
  const expiring = expiringSuppressions(suppressions, "2026-12-01");
  expect(expiring.map((entry) => [entry.rule, entry.daysLeft])).toEqual([["LZ-S3-001", 1]]);
  expect(expiringSuppressions(suppressions, "2026-12-20").map((entry) => entry.daysLeft)).toEqual([
    26,
  ]);
  const summary = formatSummary("out", [stackWith("logging", 1)], 1000, { expiring });
  expect(summary.split("\n").slice(2)).toEqual([
    "Warning: 1 suppression expires within 30 days:",
    "  LZ-S3-001 on logging/aws_s3_bucket.a expires in 1 day (2026-12-02): renew it with a new justification, or fix the resource; after that date synth fails",
  ]);
});

test("Security Hub tuning that expires within 30 days is announced like a suppression", () => {
  const tuning = securityHubTuningExceptions([
    {
      control: "IAM.6",
      justification: "Member accounts have no root user credentials.",
      expires: "2026-12-11",
    },
  ]);
  const summary = formatSummary("out", [stackWith("security", 1)], 1000, {
    expiring: expiringSuppressions(tuning, "2026-12-01"),
  });
  expect(summary.split("\n").slice(2)).toEqual([
    "Warning: 1 suppression expires within 30 days:",
    "  Security Hub IAM.6 on securityServices.securityHub.disabledControls expires in 10 days (2026-12-11): renew it with a new justification, or fix the resource; after that date synth fails",
  ]);
});
