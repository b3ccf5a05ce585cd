import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { affectedRequest, compareSynths, findAffectedStacks } from "../../cli/affected";
import { deployOrder } from "../../cli/stack-order";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { copyExampleConfig, replaceInFile } from "../helpers/example-config";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");

function git(cwd: string, ...args: string[]) {
  const result = spawnSync(
    "git",
    ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(result.stderr);
}

/** Adds the workload account dev-ml to a config folder's dev.yaml. */
function stampDevMl(configDir: string) {
  const devFile = join(configDir, "dev.yaml");
  replaceInFile(
    devFile,
    "\nbaseline:\n",
    "\n  - name: dev-ml\n    email: aws+dev-ml@northwind-health.com\n    owner: ml-team\nbaseline:\n",
  );
}

/** What stamping dev-ml affects, whatever the config folder. */
const STAMPED_DEV_ML = {
  changed: ["dev", "security-members"],
  added: ["account-dev-ml"],
  removed: [],
  stacks: ["dev", "account-dev-ml", "security-members"],
  matrix: [
    { stack: "dev", environment: "dev" },
    { stack: "account-dev-ml", environment: "dev" },
    { stack: "security-members", environment: "landing-zone" },
  ],
};

test("stamping one account affects its environment stack, its new baseline stack and its security enrollment, nothing else", async () => {
  const clone = join(tempDir(), "repo");
  git(ROOT, "clone", "--quiet", "--local", "--no-hardlinks", ROOT, clone);
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"), "dir");
  stampDevMl(join(clone, "environments"));
  git(clone, "commit", "--quiet", "-am", "Stamp dev-ml");

  const affected = await findAffectedStacks({ base: "HEAD~1" }, clone);

  expect(affected).toEqual({ base: "HEAD~1", ...STAMPED_DEV_ML });
}, 60_000);

test("a config folder outside the repository is compared with --base-config, relative paths from the working folder", () => {
  const parent = tempDir();
  cpSync(copyExampleConfig(), join(parent, "before"), { recursive: true });
  cpSync(join(parent, "before"), join(parent, "acme-config"), { recursive: true });
  stampDevMl(join(parent, "acme-config"));

  const result = spawnSync(
    process.execPath,
    [...typescriptEntryArguments(join(ROOT, "cli", "affected.ts")), "--base-config", "before"],
    { cwd: parent, env: { ...process.env, LZ_CONFIG_DIR: "acme-config" }, encoding: "utf8" },
  );

  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    base: "working tree",
    baseConfig: join(parent, "before"),
    ...STAMPED_DEV_ML,
  });
}, 60_000);

test("a config folder in a git repository of its own is compared with --config-base <ref> of that repository", async () => {
  const repository = tempDir();
  const configDir = join(repository, "landing-zone");
  mkdirSync(configDir);
  cpSync(copyExampleConfig(), configDir, { recursive: true });
  git(repository, "init", "--quiet");
  git(repository, "add", ".");
  git(repository, "commit", "--quiet", "-m", "Northwind's config");
  stampDevMl(configDir);
  git(repository, "commit", "--quiet", "-am", "Stamp dev-ml");
  // An uncommitted edit is part of "now", not of the base.
  writeFileSync(join(configDir, "notes.txt"), "not config");

  const affected = await findAffectedStacks({ configDir, configBase: "HEAD~1" });

  expect(affected).toEqual({ base: "working tree", baseConfig: "HEAD~1", ...STAMPED_DEV_ML });
  await expect(findAffectedStacks({ configDir, configBase: "no-such-ref" })).rejects.toThrow(
    `--config-base no-such-ref is not a commit of ${repository}.`,
  );
}, 60_000);

test("paths are resolved against the folder the command runs in; a base is required", () => {
  expect(
    affectedRequest(["--base-config", "../before"], { LZ_CONFIG_DIR: "acme" }, "/work/lz"),
  ).toEqual({
    base: undefined,
    configDir: "/work/lz/acme",
    baseConfig: "/work/before",
    configBase: undefined,
  });
  expect(() => affectedRequest([], {}, "/work/lz")).toThrow("Nothing to compare with");
  expect(() =>
    affectedRequest(["--base-config", "a", "--config-base", "main"], {}, "/work/lz"),
  ).toThrow("--base-config and --config-base both say what the config was; pass one");
});

test("a config folder outside the repository with only --base is refused before anything runs", async () => {
  await expect(
    findAffectedStacks({ base: "HEAD", configDir: copyExampleConfig() }),
  ).rejects.toThrow("is outside this repository, so --base can't say what the config was");
});

test("stacks are listed in deploy order, after what they depend on", () => {
  expect(
    deployOrder({
      "account-a": ["dev", "logging"],
      dev: ["organization"],
      logging: ["organization"],
      organization: [],
    }),
  ).toEqual(["organization", "dev", "logging", "account-a"]);
  expect(() => deployOrder({ a: ["b"], b: ["a"] })).toThrow(
    "Stacks depend on each other in a cycle through a",
  );
});

test("identical synths affect nothing", () => {
  const out = join(ROOT, "__tests__", "fixtures", "synth-comparison");
  expect(compareSynths(join(out, "base"), join(out, "base"), "main")).toEqual({
    base: "main",
    changed: [],
    added: [],
    removed: [],
    stacks: [],
    matrix: [],
  });
});
