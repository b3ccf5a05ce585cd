import { EMULATOR_GAPS } from "../../aws-harness/emulator/emulator-gaps";
import { renderReport, reportPassed, reportProblems } from "../../aws-harness/harness-report";
import type { HarnessReport } from "../../aws-harness/harness-report";
import { coveredResult, skippedResult } from "../../aws-harness/harness-results";
import type { EmulatorResult, ValidateResult } from "../../aws-harness/harness-results";
import { BACKUP_POLICIES, PERMISSION_SETS } from "./emulator/gap-fixtures";

const validated = (stack: string, resources: number, extra: Partial<ValidateResult> = {}) =>
  ({
    stack,
    ok: true,
    resources,
    errors: [],
    warnings: 0,
    adaptations: [],
    adapterFailures: [],
    seconds: 4.2,
    ...extra,
  }) satisfies ValidateResult;

const APPLIED = { status: "applied", errors: [], replan: "no changes" } as const;
const applied = (
  stack: string,
  resourcesInState: number,
  extra: Partial<EmulatorResult> = {},
): EmulatorResult => ({
  ...skippedResult(stack, ""),
  ...APPLIED,
  resourcesInState,
  seconds: 20.7,
  ...extra,
});

/** A report a test can change a part of. */
type Editable<T> = { -readonly [K in keyof T]: T[K] };

/** Two stacks, both proven: one lost a gap resource and an attachment, the other a stand-in. */
const passing = (): Editable<HarnessReport> => ({
  providerVersion: "5.100.0",
  terraformVersion: "1.11.4",
  validate: [
    validated("organization", 62),
    validated("identity", 31, {
      adaptations: [
        {
          stack: "identity",
          address: "aws_ssoadmin_permission_set.admin",
          kind: "region-moved-to-provider",
          description: 'moved region "us-west-2" to provider aws.default_us-west-2 (was aws)',
        },
      ],
    }),
  ],
  emulator: [
    applied("organization", 58, {
      removed: [
        { address: "aws_organizations_policy.backup", gap: BACKUP_POLICIES },
        {
          address: "aws_organizations_policy_attachment.backup",
          gap: BACKUP_POLICIES,
          dependsOn: "aws_organizations_policy.backup",
        },
      ],
      gapsObserved: ["aws_organizations_policy (type = BACKUP_POLICY)"],
    }),
    applied("identity", 30, {
      removed: [{ address: "aws_ssoadmin_permission_set.admin", gap: PERMISSION_SETS }],
      standIns: [
        {
          output: "permission-set-arn-admin",
          value: "emulator-gap:aws_ssoadmin_permission_set.admin",
          replaces: "aws_ssoadmin_permission_set.admin",
        },
      ],
      gapsObserved: ["aws_ssoadmin_permission_set"],
    }),
  ],
  gaps: [BACKUP_POLICIES, PERMISSION_SETS],
  variantEdits: [
    { file: "organization.yaml", path: "existingOrganizationId", removed: "o-k7q2mz4x9a" },
    { file: "prod.yaml", path: "accounts.0.id", removed: "444455556666" },
  ],
  featureEdits: [
    { file: "organization.yaml", path: "governedRegions", change: "me-central-1 added" },
  ],
  runProblems: [],
  seconds: 312.4,
});

/** The lines of a report's Problems section, without the bullets; undefined when it has none. */
function problemsOf(markdown: string): string[] | undefined {
  const sections = markdown.split(/^## /m);
  const problems = sections.find((section) => section.startsWith("Problems\n"));
  return problems
    ?.split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => line.slice(2));
}
const rowOf = (markdown: string, stack: string) =>
  markdown.split("\n").find((line) => line.startsWith(`| ${stack} |`));

describe("a passing run", () => {
  let markdown: string;
  beforeAll(() => {
    markdown = renderReport(passing());
  });

  it("passes", () => {
    expect(reportPassed(passing())).toBe(true);
    expect(markdown.split("\n")[0]).toBe("# AWS proof: passed");
  });

  it("has no Problems section", () => {
    expect(problemsOf(markdown)).toBeUndefined();
    expect(markdown).not.toContain("Problems");
  });

  it("reads as the full report", () => {
    expect(markdown).toBe(
      [
        "# AWS proof: passed",
        "",
        "Terraform 1.11.4, AWS provider 5.100.0, moto_server on 127.0.0.1; 312 s.",
        "Validate runs on the example as synthesized; apply and re-plan run on its emulator variant, in deploy order.",
        "",
        "| stack | resources | validate | apply to the emulator | re-plan |",
        "| --- | ---: | --- | --- | --- |",
        "| organization | 62 | valid | 58 in state, 2 left out (gaps) | no changes |",
        "| identity | 31 | valid (1 regions moved) | 30 in state, 1 left out (gaps) | no changes |",
        "",
        "## Emulator gaps (proven by validate only)",
        "",
        "| resource | why | failing call | emulator message | resources |",
        "| --- | --- | --- | --- | ---: |",
        "| aws_organizations_policy (type = BACKUP_POLICY) | No backup policies. | Organizations: CreatePolicy | `NotImplementedError: The BACKUP_POLICY policy type has not been implemented` | 2 |",
        "| aws_ssoadmin_permission_set | No tag listing for permission sets. | SSO Admin: ListTagsForResource | `NotImplementedError: The list_tags_for_resource action has not been implemented` | 1 |",
        "",
        "Stand-in outputs:",
        "",
        "- identity: output `permission-set-arn-admin` = `emulator-gap:aws_ssoadmin_permission_set.admin`",
        "",
        "## Emulator variant",
        "",
        "Generated from the example; ids of things that already exist in AWS are removed, because the emulator can't create them with a given id:",
        "",
        '- organization.yaml: `existingOrganizationId` (was "o-k7q2mz4x9a")',
        '- prod.yaml: `accounts.0.id` (was "444455556666")',
        "",
        "## Feature variant",
        "",
        "Options the example leaves off, turned on so that the provider validates the resources only they produce (the stacks marked (features) above; not applied):",
        "",
        "- organization.yaml: `governedRegions` me-central-1 added",
        "",
      ].join("\n"),
    );
  });

  it("gives every entry of the real gap list a row with its failing call and exact message", () => {
    const markdown = renderReport({ ...passing(), gaps: EMULATOR_GAPS, emulator: [] });

    for (const gap of EMULATOR_GAPS)
      expect(markdown).toContain(` | ${gap.failingCall} | \`${gap.emulatorMessage}\` | 0 |\n`);
  });
});

describe("a failing run", () => {
  it("fails on a stack that doesn't validate, and lists its errors", () => {
    const report = passing();
    const error =
      'aws_kms_key.logs: Unsupported argument — An argument named "region" is not expected here.';
    report.validate = [
      report.validate[0],
      validated("identity", 31, {
        ok: false,
        errors: [error],
        adapterFailures: [
          {
            stack: "identity",
            address: "aws_ssoadmin_permission_set.admin",
            attribute: "region",
            message:
              "identity: aws_ssoadmin_permission_set.admin: region: no 5.x provider to move it to",
          },
        ],
      }),
    ];

    const markdown = renderReport(report);

    expect(reportPassed(report)).toBe(false);
    expect(markdown.split("\n")[0]).toBe("# AWS proof: FAILED");
    expect(rowOf(markdown, "identity")).toBe(
      "| identity | 31 | **2 error(s)** | 30 in state, 1 left out (gaps) | no changes |",
    );
    expect(problemsOf(markdown)).toEqual([
      "adapter: identity: aws_ssoadmin_permission_set.admin: region: no 5.x provider to move it to",
      `identity: validate: ${error}`,
    ]);
  });

  it("fails on a stack that doesn't apply, lists its errors, and shows what was skipped", () => {
    const report = passing();
    const error =
      "aws_guardduty_detector.main: creating GuardDuty Detector — operation error GuardDuty: CreateDetector, https response error StatusCode: 500";
    report.emulator = [
      applied("organization", 0, { status: "failed", errors: [error], replan: "not run" }),
      applied("identity", 0, {
        status: "skipped",
        errors: ["organization did not apply"],
        replan: "not run",
      }),
    ];

    const markdown = renderReport(report);

    expect(reportPassed(report)).toBe(false);
    expect(markdown.split("\n")[0]).toBe("# AWS proof: FAILED");
    expect(rowOf(markdown, "organization")).toBe(
      "| organization | 62 | valid | **failed (1 error(s))** | – |",
    );
    expect(rowOf(markdown, "identity")).toBe(
      "| identity | 31 | valid (1 regions moved) | skipped: organization did not apply | – |",
    );
    expect(problemsOf(markdown)).toEqual([`organization: ${error}`]);
    // The run prints these again as its last lines, for a CI log cut to its tail.
    expect(reportProblems(report)).toEqual([`organization: ${error}`]);
  });

  it("fails when a stack was skipped, proven by nothing", () => {
    const report = passing();
    report.emulator = [
      report.emulator[0],
      applied("identity", 0, { status: "skipped", errors: ["pipeline did not apply"] }),
    ];

    expect(reportPassed(report)).toBe(false);
    expect(renderReport(report).split("\n")[0]).toBe("# AWS proof: FAILED");
  });

  it("passes with a baseline covered by an applied one of its shape, and names that one", () => {
    const report = passing();
    report.validate = [...report.validate, validated("account-dev-data", 81)];
    report.emulator = [...report.emulator, coveredResult("account-dev-data", "organization")];

    expect(reportPassed(report)).toBe(true);
    expect(rowOf(renderReport(report), "account-dev-data")).toBe(
      "| account-dev-data | 81 | valid | not applied: organization's JSON with this account's name, id and VPC blocks | – |",
    );
  });

  it("fails on a re-plan that wants changes, and lists each one", () => {
    const report = passing();
    report.emulator = [
      report.emulator[0],
      applied("identity", 30, {
        status: "failed",
        replan: [
          "update aws_ssoadmin_account_assignment.admin",
          "create aws_identitystore_group.admins",
        ],
      }),
    ];

    const markdown = renderReport(report);

    expect(reportPassed(report)).toBe(false);
    expect(markdown.split("\n")[0]).toBe("# AWS proof: FAILED");
    expect(rowOf(markdown, "identity")).toBe(
      "| identity | 31 | valid (1 regions moved) | 30 in state | **2 change(s)** |",
    );
    expect(problemsOf(markdown)).toEqual([
      "identity: re-plan wants update aws_ssoadmin_account_assignment.admin",
      "identity: re-plan wants create aws_identitystore_group.admins",
    ]);
  });

  it("fails on a problem of the run as a whole, listed first", () => {
    const report = passing();
    const unseen =
      'The gap entry for aws_ssoadmin_permission_set was never seen failing with "NotImplementedError: The list_tags_for_resource action has not been implemented": if the emulator now implements it, remove the entry (aws-harness/emulator/emulator-gaps.ts)';
    const groupError =
      "aws_identitystore_group.admins: creating IdentityStore Group — ConflictException: Duplicate GroupDisplayName";
    report.runProblems = [unseen];
    report.emulator = [
      report.emulator[0],
      applied("identity", 0, { status: "failed", errors: [groupError], replan: "not run" }),
    ];

    const markdown = renderReport(report);

    expect(reportPassed(report)).toBe(false);
    expect(markdown.split("\n")[0]).toBe("# AWS proof: FAILED");
    expect(problemsOf(markdown)).toEqual([unseen, `identity: ${groupError}`]);
  });

  it("fails on a run problem alone, with every stack proven", () => {
    const report = { ...passing(), runProblems: ["moto_server exited early"] };

    expect(reportPassed(report)).toBe(false);
    expect(problemsOf(renderReport(report))).toEqual(["moto_server exited early"]);
  });
});

it("lists the protections the 5.x provider can't carry", () => {
  const report = passing();
  report.validate = [
    validated("logging", 40, {
      adaptations: [
        {
          stack: "logging",
          address: "aws_s3_bucket.logs",
          kind: "six-only-attribute-dropped",
          description: "dropped bucket_namespace (6.x only)",
          unprovenProtection: "bucket names can't be sniped",
        },
      ],
    }),
  ];

  const markdown = renderReport(report);

  expect(markdown).toContain(
    [
      "## Protections the 5.x provider can't carry (proven only with 6.25)",
      "",
      "- logging: aws_s3_bucket.logs: dropped bucket_namespace (6.x only)",
      "",
    ].join("\n"),
  );
  expect(reportPassed(report)).toBe(true);
});

describe("the evidence collected from the applied emulator", () => {
  const evidence = {
    status: 2,
    snapshotDir: "/tmp/out/aws-harness/evidence-snapshot",
    files: ["organization-accounts.json", "cloudtrail.json"],
    accounts: ["management (111122223333)", "log-archive (222233334444)"],
    trails: ["nwh-organization-trail"],
    policies: ["nwh-region-deny (matches config)"],
    assignments: 3,
    missing: [
      "aws-config-conformance in audit (us-east-1): DescribeConformancePacks not implemented",
    ],
    problems: [],
  };

  test("is shown with what it read and what the emulator couldn't answer", () => {
    const markdown = renderReport({ ...passing(), evidence });
    expect(markdown).toContain("## Evidence collected from the emulator");
    expect(markdown).toContain(
      "- accounts read: management (111122223333), log-archive (222233334444)",
    );
    expect(markdown).toContain("- trails: nwh-organization-trail");
    expect(markdown).toContain(
      "  - aws-config-conformance in audit (us-east-1): DescribeConformancePacks not implemented",
    );
    expect(reportPassed({ ...passing(), evidence })).toBe(true);
  });

  test("fails the run when the snapshot doesn't read back what was applied", () => {
    const report = {
      ...passing(),
      evidence: { ...evidence, problems: ["the snapshot found no trail nwh-organization-trail"] },
    };
    expect(reportPassed(report)).toBe(false);
    expect(renderReport(report)).toContain(
      "- collect-evidence: the snapshot found no trail nwh-organization-trail",
    );
  });
});
