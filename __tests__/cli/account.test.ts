import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { diffLines } from "diff";
import { runAccountCommand } from "../../cli/account";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { checkAccountLifecycle } from "../../environments/checks/account-lifecycle";
import { loadLandingZoneConfig } from "../../environments/loader/load-config";
import { copyExampleConfig, synthLandingZone } from "../helpers/synth";

const TODAY = "2026-11-29";
const env = (dir: string) => ({
  LZ_CONFIG_DIR: dir,
  SOURCE_DATE_EPOCH: String(Date.parse(TODAY) / 1000),
});
const account = (dir: string, ...argv: string[]) => runAccountCommand(argv, env(dir));
/** Every config file of the folder, by name: what a command may write. */
const snapshot = (dir: string) =>
  new Map(
    readdirSync(dir)
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .sort()
      .map((file) => [file, readFileSync(join(dir, file), "utf8")]),
  );

/** Lines added and removed between two versions of a file. */
function lineDiff(before: string, after: string) {
  const changes = diffLines(before, after);
  const lines = (kind: "added" | "removed") =>
    changes
      .filter((change) => change[kind])
      .flatMap((change) => change.value.trimEnd().split("\n"));
  return { added: lines("added"), removed: lines("removed") };
}

describe("add", () => {
  let dir: string;
  let before: Map<string, string>;
  let output: string;
  beforeAll(async () => {
    dir = copyExampleConfig();
    before = snapshot(dir);
    output = await account(
      dir,
      "add",
      "--env",
      "prod",
      "--name",
      "prod-payments",
      "--email",
      "aws+prod-payments@northwind-health.com",
      "--owner",
      "payments-team",
      "--tag",
      "Tier=critical",
    );
  });

  test("appends the account with a minimal diff, keeping every comment", () => {
    const after = snapshot(dir);
    for (const [file, text] of before) if (file !== "prod.yaml") expect(after.get(file)).toBe(text);
    expect(lineDiff(before.get("prod.yaml")!, after.get("prod.yaml")!)).toEqual({
      added: [
        "  - name: prod-payments",
        "    email: aws+prod-payments@northwind-health.com",
        "    owner: payments-team",
        "    tags:",
        "      Tier: critical",
      ],
      removed: [],
    });
    for (const comment of before
      .get("prod.yaml")!
      .split("\n")
      .filter((line) => line.trim().startsWith("#"))) {
      expect(after.get("prod.yaml")).toContain(comment);
    }
  });

  test("prints the stacks that change, the access and the guardrails the account gets", () => {
    expect(output).toContain("  - stack prod: creates the account in OU Workloads/Production");
    expect(output).toContain(
      "  - new stack account-prod-payments: its baseline in us-east-1, us-west-2",
    );
    expect(output).toContain("  - platform-admins: PlatformAdmin");
    expect(output).toContain("  - region-deny (Workloads)");
  });

  test("synth afterwards creates it and its baseline", () => {
    const out = synthLandingZone(dir);
    const names = Object.values(out.resources("prod", "aws_organizations_account")).map(
      (entry) => entry.name,
    );
    expect(names).toContain("prod-payments");
    expect(out.manifest.stacks["account-prod-payments"]).toBeDefined();
  });
});

test("import adds an existing account that synth imports rather than creates", async () => {
  const dir = copyExampleConfig();
  await account(
    dir,
    "import",
    "--env",
    "dev",
    "--name",
    "dev-legacy",
    "--email",
    "aws+dev-legacy@northwind-health.com",
    "--id",
    "777788889999",
    "--owner",
    "platform-team",
  );
  const out = synthLandingZone(dir);
  const [address] = Object.entries(out.resources("dev", "aws_organizations_account")).find(
    ([, entry]) => entry.name === "dev-legacy",
  )!;
  expect(out.stack("dev").import).toEqual([
    { to: `aws_organizations_account.${address}`, id: "777788889999" },
  ]);
});

test("move carries the account's lines, comments included, to the other environment and OU", async () => {
  const dir = copyExampleConfig();
  const staging = join(dir, "staging.yaml");
  writeFileSync(
    staging,
    readFileSync(staging, "utf8").replace(
      "    owner: data-team\n",
      "    owner: data-team\n    # Holds masked production extracts.\n",
    ),
  );
  const output = await account(dir, "move", "--name", "staging-data", "--to-env", "prod");
  expect(readFileSync(staging, "utf8")).not.toContain("staging-data");
  expect(readFileSync(join(dir, "prod.yaml"), "utf8")).toContain(
    "  - name: staging-data\n    email: aws+staging-data@northwind-health.com\n    owner: data-team\n    # Holds masked production extracts.\n",
  );
  expect(output).toContain("  + backup-production-daily (Workloads/Production)");
  const out = synthLandingZone(dir);
  const moved = Object.values(out.resources("prod", "aws_organizations_account")).find(
    (entry) => entry.name === "staging-data",
  )!;
  expect(moved.parent_id).toMatch(/workloads-production/);
});

test("a move that would break a guardrail is refused before any file changes", async () => {
  const dir = copyExampleConfig();
  const before = snapshot(dir);
  // prod-platform would keep staging's 14-day backups, below the 35-day minimum.
  await expect(
    account(dir, "move", "--name", "prod-platform", "--to-env", "staging"),
  ).rejects.toThrow("LZ-BKP-004 rule daily keeps backups 14 days, less than 35");
  expect(snapshot(dir)).toEqual(before);
});

describe("quarantine and close", () => {
  let dir: string;
  beforeAll(async () => {
    dir = copyExampleConfig();
    await account(
      dir,
      "quarantine",
      "--name",
      "staging-data",
      "--reason",
      "Credentials leaked in a public gist",
    );
  });

  test("quarantine records the reason and date and moves the account under the deny-all policy", async () => {
    expect(readFileSync(join(dir, "staging.yaml"), "utf8")).toContain(
      "    lifecycle:\n      state: quarantined\n      reason: Credentials leaked in a public gist\n      since: 2026-11-29\n",
    );
    const out = synthLandingZone(dir);
    const quarantined = Object.values(out.resources("staging", "aws_organizations_account")).find(
      (entry) => entry.name === "staging-data",
    )!;
    expect(quarantined.parent_id).toMatch(/organizational-units_suspended_/);
    const inventory = JSON.parse(
      readFileSync(join(out.outdir, "evidence", "policy-inventory.json"), "utf8"),
    );
    const policies = inventory.accounts.find(
      (entry: { account: string }) => entry.account === "staging-data",
    ).policies;
    expect(policies).toContainEqual({
      name: "deny-all",
      type: "SERVICE_CONTROL_POLICY",
      attachedAt: "Suspended",
    });
  });

  test("quarantine holds the account's baseline, which deny-all would refuse to plan, and says why", () => {
    const out = synthLandingZone(dir);
    expect(out.manifest.stacks["account-staging-data"]).toBeUndefined();
    expect(out.manifest.stacks["account-staging-platform"]).toBeDefined();
    const held = JSON.parse(
      readFileSync(join(out.outdir, "evidence", "held-baselines.json"), "utf8"),
    );
    expect(held).toEqual([
      {
        account: "staging-data",
        environment: "staging",
        stack: "account-staging-data",
        state: "quarantined",
        reason: "Credentials leaked in a public gist",
        since: "2026-11-29",
      },
    ]);
    // The environment stack, in the management account, still manages the account itself.
    expect(
      Object.values(out.resources("staging", "aws_organizations_account")).map(
        (entry) => entry.name,
      ),
    ).toContain("staging-data");
  });

  test("close marks a quarantined account; synth then lets that account alone be closed on deletion", async () => {
    await account(dir, "close", "--name", "staging-data");
    expect(readFileSync(join(dir, "staging.yaml"), "utf8")).toContain("      state: closing\n");
    const out = synthLandingZone(dir);
    for (const entry of Object.values(out.resources("staging", "aws_organizations_account"))) {
      const closing = entry.name === "staging-data";
      expect(entry.close_on_deletion).toBe(closing);
      expect(entry.lifecycle.prevent_destroy).toBe(!closing);
    }
    expect(out.manifest.stacks["account-staging-data"]).toBeUndefined();
  });
});

test("list prints every account with environment, OU, id and status", async () => {
  const output = await account(copyExampleConfig(), "list");
  expect(output.split("\n")[0]).toMatch(/^name +environment +ou +id +owner +status$/);
  expect(output).toMatch(
    /^prod-platform +prod +Workloads\/Production +444455556666 +platform-team +active$/m,
  );
  expect(output).toMatch(/^audit +core \(audit\) +Security +new +platform-team +active$/m);
});

describe("bad requests change no file", () => {
  test.each([
    [
      ["add", "--env", "qa", "--name", "qa-app", "--email", "aws+qa-app@northwind-health.com"],
      'There is no environment "qa"; known: dev, prod, staging',
    ],
    [
      [
        "add",
        "--env",
        "prod",
        "--name",
        "prod-x",
        "--email",
        "aws+prod-x@northwind-health.com",
        "--ou",
        "Workloads/Nope",
      ],
      'ou: "Workloads/Nope" is not an OU path in organization.yaml',
    ],
    [
      ["add", "--env", "prod", "--name", "prod-data", "--email", "aws+other@northwind-health.com"],
      'accounts[3].name: "prod-data" is already used by',
    ],
    [
      ["add", "--env", "prod", "--name", "prod-x", "--email", "AWS+Prod-Data@northwind-health.com"],
      "is already used by",
    ],
    [
      ["add", "--env", "prod", "--name", "prod-x", "--email", "ops@"],
      '"ops@" is not an email address',
    ],
    [
      [
        "import",
        "--env",
        "prod",
        "--name",
        "prod-x",
        "--email",
        "aws+prod-x@northwind-health.com",
        "--id",
        "12345",
      ],
      '"12345" is not a 12-digit AWS account id',
    ],
    [["close", "--name", "prod-data"], "prod-data is not quarantined; quarantine it first"],
    [["move", "--name", "nobody", "--to-env", "dev"], 'There is no workload account "nobody"'],
  ])("%j", async (argv, message) => {
    const dir = copyExampleConfig();
    const before = snapshot(dir);
    await expect(account(dir, ...argv)).rejects.toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  test("an invalid config is reported as synth reports it, and the command exits non-zero", () => {
    const dir = copyExampleConfig();
    writeFileSync(
      join(dir, "dev.yaml"),
      readFileSync(join(dir, "dev.yaml"), "utf8").replace("owner: data-team", "ownr: data-team"),
    );
    const before = snapshot(dir);
    const result = spawnSync(
      process.execPath,
      [
        ...typescriptEntryArguments("cli/account.ts"),
        "add",
        "--env",
        "prod",
        "--name",
        "prod-x",
        "--email",
        "aws+prod-x@northwind-health.com",
      ],
      {
        cwd: join(__dirname, "..", ".."),
        env: { ...process.env, ...env(dir) },
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("The config is invalid before this command; fix it first.");
    expect(result.stderr).toContain('accounts[1].ownr: is not a known key. Did you mean "owner"?');
    expect(snapshot(dir)).toEqual(before);
  });
});

test("closures stay within AWS's limits: three at a time, 10% of accounts in 30 days", () => {
  const dir = copyExampleConfig();
  const closing = (since: string) =>
    `    lifecycle: { state: closing, reason: Decommissioned product, since: "${since}" }\n`;
  const prod = readFileSync(join(dir, "prod.yaml"), "utf8")
    .replace("    owner: data-team\n", `    owner: data-team\n${closing("2026-11-20")}`)
    .replace("    owner: analytics-team\n", `    owner: analytics-team\n${closing("2026-11-25")}`);
  writeFileSync(join(dir, "prod.yaml"), prod);
  const problems = checkAccountLifecycle(TODAY)({
    ...loadLandingZoneConfig(dir),
    everyFileParsed: true,
  });
  expect(problems).toEqual([
    expect.objectContaining({
      path: ["accounts", 2, "lifecycle", "since"],
      message:
        "is the 2th closure in 30 days; AWS closes at most 10% of the 10 member accounts (1) in that time",
      fix: "Wait until 2026-12-20, then close it.",
    }),
  ]);
});
