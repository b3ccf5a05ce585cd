import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildChangeRecord } from "../../compliance/change-record/change-record";
import type { ChangeRecord } from "../../compliance/change-record/change-record";
import { parsePlan } from "../../compliance/change-record/plan-json";
import { stackNameOf } from "../../cli/plan-evidence";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { copyExampleConfig, replaceInFile } from "../helpers/example-config";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");
const PLANS = join(__dirname, "..", "fixtures", "plans");
const REAL = join(PLANS, "terraform-data-changes.json");
const NO_CHANGES = join(PLANS, "terraform-data-no-changes.json");
const AWS = join(PLANS, "cdktf.out", "stacks", "logging", "plan.json");
const CI = {
  SOURCE_DATE_EPOCH: "1764374400",
  GITHUB_REPOSITORY: "northwind/landing-zone",
  GITHUB_SHA: "0123abcd",
  GITHUB_REF: "refs/pull/42/merge",
  GITHUB_ACTOR: "dana",
  GITHUB_RUN_ID: "99",
  GITHUB_SERVER_URL: "https://github.com",
};

function planEvidence(args: string[], env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    [...typescriptEntryArguments("cli/plan-evidence.ts"), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...CI, CDKTF_OUTDIR: join(tempDir(), "none"), ...env },
      encoding: "utf8",
    },
  );
}

const recordOf = (path: string, stack = "test"): ChangeRecord =>
  buildChangeRecord([{ stack, plan: parsePlan(readFileSync(path, "utf8"), path) }], () => [], {
    generatedAt: "t",
  });

describe("a real Terraform 1.11 plan (terraform_data)", () => {
  const record = recordOf(REAL);
  const changes = record.stacks[0].changes;
  const kindOf = (address: string) => changes.find((change) => change.address === address)?.kind;

  test("summarizes every kind of change and leaves no-ops out", () => {
    expect(record.stacks[0].summary).toEqual({
      create: 1,
      update: 3,
      replace: 1,
      delete: 1,
      import: 0,
      move: 1,
      forget: 1,
    });
    expect(kindOf("terraform_data.keep")).toBeUndefined();
    expect(kindOf("terraform_data.create_me")).toBe("create");
    expect(kindOf("terraform_data.delete_me")).toBe("delete");
    expect(kindOf("terraform_data.forget_me")).toBe("forget");
  });

  test("names module addresses, moves and what forced a replacement", () => {
    expect(kindOf("module.child.terraform_data.inner")).toBe("update");
    expect(changes.find((change) => change.kind === "move")).toMatchObject({
      address: "terraform_data.renamed",
      previousAddress: "terraform_data.rename_me",
    });
    expect(changes.find((change) => change.kind === "replace")).toMatchObject({
      address: "terraform_data.replace_me",
      replacePaths: ["triggers_replace"],
      actionReason: "replace_because_cannot_update",
    });
  });

  test("never prints a sensitive value, in Markdown or JSON", () => {
    const out = tempDir();
    const result = planEvidence([REAL, "--out", out]);
    expect(result.status).toBe(0);
    expect(
      JSON.parse(readFileSync(REAL, "utf8")).resource_changes.some(
        (change: { address: string }) => change.address === "terraform_data.secret",
      ),
    ).toBe(true);
    for (const text of [
      result.stdout,
      readFileSync(join(out, "change-record.md"), "utf8"),
      readFileSync(join(out, "change-record.json"), "utf8"),
    ]) {
      expect(text).not.toContain("s3cr3t");
    }
    expect(result.stdout).toContain(
      "| update | `terraform_data.secret` | changes `input`, `output` |",
    );
  });

  test("records the CI metadata", () => {
    const result = planEvidence([REAL]);
    expect(result.stdout).toContain("- Repository: northwind/landing-zone");
    expect(result.stdout).toContain("- Pull request: #42");
    expect(result.stdout).toContain(
      "- Run: https://github.com/northwind/landing-zone/actions/runs/99",
    );
    expect(result.stdout).toContain("- Generated: 2025-11-29T00:00:00.000Z");
  });
});

test("a plan with no changes says so plainly", () => {
  const result = planEvidence([NO_CHANGES]);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(
    "No changes. The stack matches the configuration; nothing will be created, changed or destroyed.",
  );
});

test("an unknown major format version is refused with a clear error", () => {
  const result = planEvidence([join(PLANS, "future-format.json")]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("uses plan format 2.0; this tool reads format 0.x and 1.x.");
});

describe("AWS-shaped changes", () => {
  const record = recordOf(AWS, "logging");
  const flagsOf = (fragment: string) =>
    record.stacks[0].changes
      .find((change) => change.address.includes(fragment))!
      .flags.map((flag) => flag.message);

  test("takes the stack name from cdktf.out/stacks/<stack>/ and ignores fields it doesn't know", () => {
    expect(stackNameOf(AWS)).toBe("logging");
    expect(stackNameOf("plans/identity.plan.json")).toBe("identity");
  });

  test("flags deletions of protected resources but not of application buckets", () => {
    expect(flagsOf("trail-bucket")).toEqual(["deletes a protected aws_s3_bucket"]);
    expect(flagsOf("app-uploads")).toEqual([]);
    expect(flagsOf("trail-key")).toEqual([
      "replaces (deletes, then creates) a protected aws_kms_key",
      "key rotation is switched off",
    ]);
  });

  test("flags controls switched off and retention shortened", () => {
    expect(flagsOf("organization-trail_trail")).toEqual(["log file validation is switched off"]);
    expect(flagsOf("log-group")).toEqual(["log retention is shortened"]);
  });

  test("shows a readable diff of a changed policy, and hides a sensitive one", () => {
    const policy = record.stacks[0].changes.find((change) =>
      change.address.startsWith("module.guardrails"),
    )!;
    expect(policy.flags[0].diff).toContain('-        "cloudtrail:DeleteTrail"');
    const sensitive = record.stacks[0].changes.find(
      (change) => change.type === "aws_iam_role_policy",
    )!;
    expect(sensitive.flags[0].diff).toBe("(sensitive: not shown)");
    expect(JSON.stringify(record)).not.toContain("hunter2");
  });

  test("records imports, and leaves no-ops and data reads out", () => {
    const kinds = record.stacks[0].changes.map((change) => `${change.kind} ${change.type}`);
    expect(kinds).toContain("import aws_organizations_account");
    expect(
      kinds.some((kind) => kind.includes("aws_sns_topic") || kind.includes("aws_caller_identity")),
    ).toBe(false);
  });

  test("--fail-on-destroy fails on unapproved protected deletions, and an approved exception lets one through", () => {
    const blocked = planEvidence([AWS, "--fail-on-destroy"]);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toContain(
      "2 protected resources would be deleted without an approved exception:",
    );
    expect(blocked.stderr).toContain("  - logging aws_s3_bucket.trail-bucket_B1A2C3D4");
    expect(blocked.stderr).toContain("  - logging aws_kms_key.trail-key_key_11111111");

    const configDir = copyExampleConfig();
    const organizationFile = join(configDir, "organization.yaml");
    replaceInFile(
      organizationFile,
      "  minimumLogRetentionDays: 365\n",
      [
        "  minimumLogRetentionDays: 365",
        "  approvedDestroys:",
        "    - stack: logging",
        "      address: aws_kms_key.trail-key_key_11111111",
        "      approvedBy: Dana Whitfield, CISO",
        "      reason: Key spec migration approved in CHG-1042; the old key stays until logs expire.",
        "",
      ].join("\n"),
    );
    const partly = planEvidence([AWS, "--fail-on-destroy"], { LZ_CONFIG_DIR: configDir });
    expect(partly.status).toBe(2);
    expect(partly.stderr).toContain("1 protected resource would be deleted");
    expect(partly.stderr).not.toContain("aws_kms_key");
  });
});

test("the change record names guardrail exceptions that expire within 30 days", () => {
  // 2027-06-10: the example's two backup exceptions lapse on 2027-06-30.
  const result = planEvidence([NO_CHANGES], { SOURCE_DATE_EPOCH: "1812585600" });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("**2 guardrail exceptions expire within 30 days:**");
  expect(result.stdout).toContain(
    "- LZ-BKP-004 on `account-dev-*/aws_backup_plan.*`: expires 2027-06-30 (20 days left); renew it with a new justification, or fix the resource",
  );
  expect(planEvidence([NO_CHANGES]).stdout).not.toContain("expire within 30 days");
});
