import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffLines } from "diff";
import { runAccountCommand } from "../../cli/account";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { checkAccountLifecycle, ordinal } from "../../config/checks/account-lifecycle";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import { listAccounts } from "../../config/model/accounts";
import { copyExampleConfig, replaceInFile } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import type { SynthOutput } from "../helpers/synth-output";

const TODAY = "2026-11-29";
const env = (dir: string) => ({
  LZ_CONFIG_DIR: dir,
  SOURCE_DATE_EPOCH: String(Date.parse(TODAY) / 1000),
});
const account = (dir: string, ...argv: string[]) => runAccountCommand(argv, env(dir));
/** The command as a user runs it: a separate process, exit status and output checked. */
const cli = (dir: string, ...argv: string[]) =>
  spawnSync(process.execPath, [...typescriptEntryArguments("cli/account.ts"), ...argv], {
    cwd: join(__dirname, "..", ".."),
    env: { ...process.env, ...env(dir) },
    encoding: "utf8",
  });
const OWNER = ["--owner", "platform-team"];
/** Every config file of the folder, by name: what a command may write. */
const snapshot = (dir: string) =>
  new Map(
    readdirSync(dir)
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .sort()
      .map((file) => [file, readFileSync(join(dir, file), "utf8")]),
  );

/** The VPC blocks a synth gives an account: "us-east-1 10.20.0.0/20". */
const vpcBlocks = (out: SynthOutput, account: string) =>
  Object.values(out.resources(`account-${account}`, "aws_vpc"))
    .map((vpc) => `${String(vpc.region)} ${String(vpc.cidr_block)}`)
    .sort();

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
      "--owner-email",
      "payments@northwind-health.com",
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
        "    ownerEmail: payments@northwind-health.com",
        "    tags:",
        "      Tier: critical",
        // The lowest /20 after prod's blocks in each region, like the entries above it.
        "      prod-payments: { us-east-1: 10.20.48.0/20, us-west-2: 10.21.48.0/20 }",
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
    expect(output).toContain(
      "Added prod-payments to prod.yaml, with its VPC blocks in network.addressing.cidrs:\n" +
        "  - us-east-1: 10.20.48.0/20 (allocated: the lowest free block of the environment's size)\n" +
        "  - us-west-2: 10.21.48.0/20 (allocated: the lowest free block of the environment's size)\n",
    );
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
    expect(vpcBlocks(out, "prod-payments")).toEqual([
      "us-east-1 10.20.48.0/20",
      "us-west-2 10.21.48.0/20",
    ]);
    // Its owner hears about its budget, besides the environment's recipients.
    const budget = Object.values(out.resources("prod", "aws_budgets_budget")).find(
      (entry) => entry.name === "nwh-prod-payments-monthly",
    )!;
    for (const notification of budget.notification)
      expect(notification.subscriber_email_addresses).toContain("payments@northwind-health.com");
  });
});

describe("add allocates VPC blocks organization-wide, or takes them from --cidr", () => {
  const ADD = [
    "add",
    "--env",
    "prod",
    "--name",
    "prod-x",
    "--email",
    "aws+prod-x@northwind-health.com",
    ...OWNER,
  ];
  const prodBlocks = (dir: string) =>
    readFileSync(join(dir, "prod.yaml"), "utf8").match(/^ {6}prod-x: .*$/m)?.[0];

  test("a block another environment uses is skipped, as is an IPAM pool", async () => {
    const dir = copyExampleConfig();
    // Staging's account took the next prod block in us-east-1; a pool covers the next in us-west-2.
    replaceInFile(
      join(dir, "staging.yaml"),
      "staging-data: { us-east-1: 10.30.16.0/20 }",
      "staging-data: { us-east-1: 10.20.48.0/20 }",
    );
    replaceInFile(
      join(dir, "organization.yaml"),
      /^coreAccounts:/m,
      "network:\n  ipam:\n    pools: [{ environment: dev, region: us-west-2, cidr: 10.21.48.0/20 }]\ncoreAccounts:",
    );
    const output = await account(dir, ...ADD);
    expect(prodBlocks(dir)).toBe(
      "      prod-x: { us-east-1: 10.20.64.0/20, us-west-2: 10.21.64.0/20 }",
    );
    expect(output).toContain("  - us-east-1: 10.20.64.0/20 (allocated");
  });

  test("--cidr sets a region's block; the other regions are allocated around it", async () => {
    const dir = copyExampleConfig();
    const output = await account(dir, ...ADD, "--cidr", "us-east-1=10.20.128.0/20");
    expect(prodBlocks(dir)).toBe(
      "      prod-x: { us-east-1: 10.20.128.0/20, us-west-2: 10.21.48.0/20 }",
    );
    expect(output).toContain("  - us-east-1: 10.20.128.0/20 (from --cidr)\n");
  });

  test("a bad --cidr is refused with the loader's reason, exit status 1 and nothing written", () => {
    const dir = copyExampleConfig();
    const before = snapshot(dir);
    const result = cli(dir, ...ADD, "--cidr", "us-west-2=10.21.16.0/24");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `prod.yaml (in the lines this command would write) network.addressing.cidrs.prod-x.us-west-2: "10.21.16.0/24" overlaps 10.21.16.0/20, prod-data's VPC block in us-west-2`,
    );
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
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

describe("move", () => {
  const ID = "123456789012";
  let dir: string;
  let original: SynthOutput;
  let output: string;
  let moved: SynthOutput;
  /** Logical ids of the resources a stack holds for staging-data, by resource type. */
  const heldFor = (out: SynthOutput, stack: string, type: string) =>
    Object.keys(out.resources(stack, type)).filter((id) => id.includes("staging-data"));

  beforeAll(async () => {
    dir = copyExampleConfig();
    const staging = join(dir, "staging.yaml");
    replaceInFile(
      staging,
      "    owner: data-team\n",
      "    owner: data-team\n    # Holds masked production extracts.\n",
    );
    // A policy attached to the account itself, not only to its OU.
    const organization = join(dir, "organization.yaml");
    replaceInFile(
      organization,
      "    region-deny: [Workloads, Sandbox, Infrastructure]\n",
      "    region-deny: [Workloads, Sandbox, Infrastructure, staging-data]\n",
    );
    original = synthLandingZone(dir);
    output = await account(dir, "move", "--name", "staging-data", "--to-env", "prod", "--id", ID);
    moved = synthLandingZone(dir);
  }, 120_000);

  test("carries the account's lines, comments included, and records its id and where it came from", () => {
    expect(readFileSync(join(dir, "staging.yaml"), "utf8")).not.toContain("staging-data");
    expect(readFileSync(join(dir, "prod.yaml"), "utf8")).toContain(
      "  - name: staging-data\n    email: aws+staging-data@northwind-health.com\n    owner: data-team\n    # Holds masked production extracts.\n" +
        `    ownerEmail: data-team@northwind-health.com\n    id: "${ID}"\n    movedFrom: staging\n`,
    );
    expect(output).toContain("  + backup-production-daily (Workloads/Production)");
    const account = Object.values(moved.resources("prod", "aws_organizations_account")).find(
      (entry) => entry.name === "staging-data",
    )!;
    expect(account.parent_id).toMatch(/workloads-production/);
  });

  test("carries the account's VPC block where the target has its region, and allocates the others", () => {
    expect(readFileSync(join(dir, "prod.yaml"), "utf8")).toContain(
      "      prod-analytics: { us-east-1: 10.20.32.0/20, us-west-2: 10.21.32.0/20 }\n" +
        "      staging-data: { us-east-1: 10.30.16.0/20, us-west-2: 10.21.48.0/20 }\n",
    );
    // Same block, same stack and construct: the us-east-1 VPC stays; us-west-2 gets a new one.
    expect(vpcBlocks(original, "staging-data")).toEqual(["us-east-1 10.30.16.0/20"]);
    expect(vpcBlocks(moved, "staging-data")).toEqual([
      "us-east-1 10.30.16.0/20",
      "us-west-2 10.21.48.0/20",
    ]);
    expect(output).toContain(
      "VPCs (stack account-staging-data):\n" +
        "  - us-east-1: keeps its VPC and its block 10.30.16.0/20, now in prod's network.addressing.cidrs; a new block would replace the VPC\n" +
        "  - us-west-2: a new VPC with block 10.21.48.0/20, the lowest free one of prod's size\n",
    );
    expect(output).toContain(
      "imported into prod, and the VPC changes above in its baseline. Once both stacks are applied",
    );
  });

  test("the stack it left forgets the account and what both stacks hold for it, destroying nothing", () => {
    const left = moved.stack("staging");
    // The addresses staging used before the move, now in removed blocks with destroy = false.
    const account = heldFor(original, "staging", "aws_organizations_account");
    const attachment = heldFor(original, "staging", "aws_organizations_policy_attachment");
    const shared = heldFor(original, "staging", "aws_ssoadmin_account_assignment").filter((id) =>
      heldFor(moved, "prod", "aws_ssoadmin_account_assignment").includes(id),
    );
    expect(account).toHaveLength(1);
    expect(attachment).toHaveLength(1);
    expect(shared).toContain(
      heldFor(original, "staging", "aws_ssoadmin_account_assignment").find((id) =>
        id.includes("platform-admins"),
      ),
    );
    expect(left.removed).toEqual(
      [
        ...account.map((id) => `aws_organizations_account.${id}`),
        ...attachment.map((id) => `aws_organizations_policy_attachment.${id}`),
        ...shared.map((id) => `aws_ssoadmin_account_assignment.${id}`),
      ].map((from) => ({ from, lifecycle: { destroy: false } })),
    );
    // Nothing it forgets is still declared there, so no prevent_destroy applies to it, and
    // Terraform accepts the removed blocks.
    for (const type of Object.keys(left.resource))
      expect(heldFor(moved, "staging", type)).toEqual([]);
    // Access only staging granted is revoked as usual: destroyed, not forgotten.
    const stagingOnly = heldFor(original, "staging", "aws_ssoadmin_account_assignment").find((id) =>
      id.includes("developers--developer"),
    );
    expect(stagingOnly).toBeDefined();
    expect(JSON.stringify(left.removed)).not.toContain(stagingOnly);
  });

  test("the stack it joins imports the account by id, with its attachment and shared access", () => {
    const joined = moved.stack("prod");
    const [account] = heldFor(moved, "prod", "aws_organizations_account");
    expect(joined.import).toContainEqual({ to: `aws_organizations_account.${account}`, id: ID });
    expect(joined.resource.aws_organizations_account[account].lifecycle.prevent_destroy).toBe(true);
    const [attachment] = heldFor(moved, "prod", "aws_organizations_policy_attachment");
    expect(joined.import).toContainEqual({
      to: `aws_organizations_policy_attachment.${attachment}`,
      id: expect.stringMatching(new RegExp(`^${ID}:\\$\\{data\\.terraform_remote_state\\.`)),
    });
    const imported = (joined.import as { to: string; id: string }[]).filter((entry) =>
      entry.to.startsWith("aws_ssoadmin_account_assignment."),
    );
    expect(imported.map((entry) => ({ from: entry.to, lifecycle: { destroy: false } }))).toEqual(
      moved
        .stack("staging")
        .removed.filter((entry: { from: string }) =>
          entry.from.startsWith("aws_ssoadmin_account_assignment."),
        ),
    );
    for (const entry of imported)
      expect(entry.id).toMatch(
        new RegExp(`^\\$\\{[^}]+group_id\\},GROUP,${ID},AWS_ACCOUNT,\\$\\{`),
      );
    // Access only prod grants is created, not imported.
    const prodOnly = heldFor(moved, "prod", "aws_ssoadmin_account_assignment").find((id) =>
      id.includes("developers--readonly"),
    );
    expect(prodOnly).toBeDefined();
    expect(JSON.stringify(joined.import)).not.toContain(prodOnly);
  });

  test("says what it wrote and how the move ends", () => {
    expect(output).toContain(
      `Moved staging-data from staging.yaml to prod.yaml, with its id ${ID}, and wrote movedFrom: staging on it.`,
    );
    expect(output).toContain(
      "  - stack staging: a removed block (lifecycle destroy = false) forgets the account without destroying it",
    );
    expect(output).toContain(
      `  - stack prod: an import block adopts account ${ID} instead of creating one`,
    );
    expect(output).toContain(
      "Once both stacks are applied, remove the movedFrom line: npm run account -- moved --name staging-data (or delete it by hand).",
    );
  });

  test("list shows the account moving; a second move waits until the first is applied", async () => {
    expect(await account(dir, "list")).toMatch(/^staging-data +prod +.* +moving from staging$/m);
    const before = snapshot(dir);
    await expect(account(dir, "move", "--name", "staging-data", "--to-env", "dev")).rejects.toThrow(
      "staging-data is still moving from staging to prod (movedFrom in prod.yaml)",
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test("moved removes only the movedFrom line; the removed blocks go, the account stays imported", async () => {
    const before = readFileSync(join(dir, "prod.yaml"), "utf8");
    const done = await account(dir, "moved", "--name", "staging-data");
    expect(done).toContain("Removed movedFrom: staging from staging-data in prod.yaml.");
    expect(lineDiff(before, readFileSync(join(dir, "prod.yaml"), "utf8"))).toEqual({
      added: [],
      removed: ["    movedFrom: staging"],
    });
    const after = synthLandingZone(dir);
    expect(after.stack("staging").removed).toBeUndefined();
    expect(after.stack("prod").import).toEqual([
      {
        to: expect.stringMatching(/^aws_organizations_account\.account-prod-platform_/),
        id: "444455556666",
      },
      { to: expect.stringMatching(/^aws_organizations_account\.account-staging-data_/), id: ID },
    ]);
  }, 60_000);
});

test("a move to an environment without a network takes the account's blocks away and says its VPC goes", async () => {
  const dir = copyExampleConfig();
  const before = readFileSync(join(dir, "staging.yaml"), "utf8");
  const output = await account(
    dir,
    "move",
    "--name",
    "staging-platform",
    "--to-env",
    "dev",
    "--id",
    "123456789012",
  );
  expect(lineDiff(before, readFileSync(join(dir, "staging.yaml"), "utf8"))).toEqual({
    added: [],
    removed: [
      "  - name: staging-platform",
      "    email: aws+staging-platform@northwind-health.com",
      "    owner: platform-team",
      "    ownerEmail: platform-team@northwind-health.com",
      "      staging-platform: { us-east-1: 10.30.0.0/20 }",
    ],
  });
  expect(readFileSync(join(dir, "dev.yaml"), "utf8")).not.toMatch(/^network:/m);
  expect(output).toContain(
    "VPCs (stack account-staging-platform):\n" +
      "  - us-east-1: its VPC is destroyed: dev has no network\n",
  );
  expect(output).not.toContain("nothing destroyed or created");
}, 60_000);

test("a move that would break a guardrail is refused before any file changes", async () => {
  const dir = copyExampleConfig();
  const before = snapshot(dir);
  // prod-platform would keep staging's 14-day backups, below the 35-day minimum.
  const refused = await account(dir, "move", "--name", "prod-platform", "--to-env", "staging").then(
    () => undefined,
    (error: Error) => error.message,
  );
  expect(refused).toContain(
    `Nothing was written: ${join(dir, "prod.yaml")} and ${join(dir, "staging.yaml")} are left unchanged. The change would break guardrails.`,
  );
  expect(refused).toContain("LZ-BKP-004 rule daily keeps backups 14 days, less than 35");
  expect(snapshot(dir)).toEqual(before);
}, 60_000);

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

  test("quarantine records the reason and date and moves the account under the deny-all policy", () => {
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
      name: "nwh-deny-all",
      configName: "deny-all",
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
    const staging = readFileSync(join(dir, "staging.yaml"), "utf8");
    expect(staging).toContain("      state: closing\n");
    // A closing account needs no block; keeping its own reserves it until the account is gone.
    expect(staging).toContain("      staging-data: { us-east-1: 10.30.16.0/20 }\n");
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
      [
        "add",
        "--env",
        "qa",
        "--name",
        "qa-app",
        "--email",
        "aws+qa-app@northwind-health.com",
        ...OWNER,
      ],
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
        ...OWNER,
      ],
      'ou: "Workloads/Nope" is not an OU path in organization.yaml',
    ],
    [
      [
        "add",
        "--env",
        "prod",
        "--name",
        "prod-data",
        "--email",
        "aws+other@northwind-health.com",
        ...OWNER,
      ],
      'accounts[3].name: "prod-data" is already used by',
    ],
    [
      [
        "add",
        "--env",
        "prod",
        "--name",
        "prod-x",
        "--email",
        "AWS+Prod-Data@northwind-health.com",
        ...OWNER,
      ],
      "is already used by",
    ],
    [
      ["add", "--env", "prod", "--name", "prod-x", "--email", "ops@", ...OWNER],
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
        ...OWNER,
      ],
      '"12345" is not a 12-digit AWS account id',
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
        "123456789012",
      ],
      "--owner is required: name the team or person accountable for the account",
    ],
    [["close", "--name", "prod-data"], "prod-data is not quarantined; quarantine it first"],
    [["move", "--name", "nobody", "--to-env", "dev"], 'There is no workload account "nobody"'],
    [
      ["move", "--name", "staging-data", "--to-env", "prod"],
      "--id is required: staging-data was created by the landing zone, so config has no id for the prod stack to import it by.",
    ],
    [
      ["move", "--name", "prod-platform", "--to-env", "dev", "--id", "123456789012"],
      "prod-platform has id 444455556666 in prod.yaml, not 123456789012",
    ],
    [
      ["moved", "--name", "prod-data"],
      "prod-data is not moving: prod.yaml has no movedFrom on it.",
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
        ...OWNER,
        "--cidr",
        "us-east-1",
      ],
      '--cidr takes region=block, such as us-east-1=10.20.48.0/20, got "us-east-1"',
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
        ...OWNER,
        "--cidr",
        "us-east-1=10.20.48.1/20",
      ],
      'network.addressing.cidrs.prod-x.us-east-1: "10.20.48.1/20" has host bits set; its network address is 10.20.48.0/20',
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
        ...OWNER,
        "--cidr",
        "eu-west-1=10.20.48.0/20",
      ],
      "is not one of the environment's network regions (us-east-1, us-west-2)",
    ],
    [
      [
        "add",
        "--env",
        "dev",
        "--name",
        "dev-x",
        "--email",
        "aws+dev-x@northwind-health.com",
        ...OWNER,
        "--cidr",
        "us-east-1=10.40.0.0/20",
      ],
      "--cidr sets a block in network.addressing.cidrs, and dev has no network; leave out --cidr.",
    ],
  ])("%j", async (argv, message) => {
    const dir = copyExampleConfig();
    const before = snapshot(dir);
    await expect(account(dir, ...argv)).rejects.toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  test("an invalid config is reported as synth reports it, and the command exits non-zero", () => {
    const dir = copyExampleConfig();
    replaceInFile(join(dir, "dev.yaml"), "owner: data-team", "ownr: data-team");
    const before = snapshot(dir);
    const result = cli(
      dir,
      "add",
      "--env",
      "prod",
      "--name",
      "prod-x",
      "--email",
      "aws+prod-x@northwind-health.com",
      ...OWNER,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("The config is invalid before this command; fix it first.");
    expect(result.stderr).toContain('accounts[1].ownr: is not a known key. Did you mean "owner"?');
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  test("add without --owner is refused: nobody is recorded as accountable by default", () => {
    const dir = copyExampleConfig();
    const before = snapshot(dir);
    const result = cli(
      dir,
      "add",
      "--env",
      "prod",
      "--name",
      "prod-x",
      "--email",
      "aws+prod-x@northwind-health.com",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^--owner is required: name the team or person accountable for the account \(its Owner tag, in the audit evidence\)\nusage:/,
    );
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  test("a refused edit names the user's own file, not the scratch copy it was tried in, and says it is unchanged", () => {
    const dir = copyExampleConfig();
    const before = snapshot(dir);
    const prod = join(dir, "prod.yaml");
    const result = cli(
      dir,
      "add",
      "--env",
      "prod",
      "--name",
      "prod-data",
      "--email",
      "aws+other@northwind-health.com",
      ...OWNER,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Nothing was written: ${prod} is left unchanged. With this change the config would have 1 problem:\n` +
        `  - ${prod} (in the lines this command would write) accounts[3].name: "prod-data" is already used by ${prod} accounts[1]. Every account needs its own name; change one of them.\n`,
    );
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});

describe("closures stay within AWS's limits", () => {
  const closing = (since: string) =>
    `    lifecycle: { state: closing, reason: Decommissioned product, since: "${since}" }\n`;
  /** The example organization with workload accounts added to prod.yaml until it has `members`. */
  function organizationOf(members: number, closingSince: readonly string[]) {
    const dir = copyExampleConfig();
    const example = loadLandingZoneConfig(dir);
    const existing = listAccounts(example).length;
    const extra = Array.from(
      { length: members - existing },
      (_, index) =>
        `  - name: prod-extra-${index}\n    email: aws+prod-extra-${index}@northwind-health.com\n    owner: platform-team\n${index < closingSince.length ? closing(closingSince[index]) : ""}`,
    ).join("");
    replaceInFile(join(dir, "prod.yaml"), "baseline:\n", `${extra}baseline:\n`);
    // Each needs VPC blocks of its own; the closing ones keep theirs, as closed accounts do.
    const blocks = Array.from(
      { length: members - existing },
      (_, index) =>
        `      prod-extra-${index}: { us-east-1: 10.20.${48 + 16 * index}.0/20, us-west-2: 10.21.${48 + 16 * index}.0/20 }\n`,
    ).join("");
    replaceInFile(join(dir, "prod.yaml"), /^ {6}prod-analytics: .*\n/m, `$&${blocks}`);
    return { ...loadLandingZoneConfig(dir), everyFileParsed: true };
  }

  test("a 13-account organization may close two accounts in 30 days (AWS allows at least 10)", () => {
    const config = organizationOf(13, ["2026-11-20", "2026-11-25"]);
    expect(listAccounts(config)).toHaveLength(13);
    expect(checkAccountLifecycle(TODAY)(config)).toEqual([]);
  });

  test("the 11th closure in 30 days is refused, with its ordinal and the date it becomes possible", () => {
    const since = Array.from(
      { length: 11 },
      (_, day) => `2026-11-${String(10 + day).padStart(2, "0")}`,
    );
    const problems = checkAccountLifecycle(TODAY)(organizationOf(21, since));
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: ["accounts", 13, "lifecycle", "since"],
        received: "2026-11-20",
        message:
          "is the 11th closure in 30 days; AWS closes at most 10 of the 21 member accounts in that time (10% of them, but at least 10 and at most 1000)",
        fix: "Wait until 2026-12-10, then close it.",
      }),
    );
  });

  test.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [101, "101st"],
    [111, "111th"],
    [1000, "1000th"],
  ])("%i is the %s", (count, expected) => {
    expect(ordinal(count)).toBe(expected);
  });
});
