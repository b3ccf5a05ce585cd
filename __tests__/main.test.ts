import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthNodeArguments } from "../cli/synth-command";
import { copyExampleConfig } from "./helpers/example-config";
import { tempDir } from "./helpers/temp-dirs";

const ROOT = join(__dirname, "..");

/** Runs `npm run synth` as a user would: environment in, exit code and output checked. */
function runSynth(env: Record<string, string>) {
  return spawnSync(process.execPath, synthNodeArguments(), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

test("a broken config exits non-zero, lists every problem and writes nothing", () => {
  const configDir = copyExampleConfig();
  writeFileSync(
    join(configDir, "staging.yaml"),
    "name: staging\nou: Workloads/Staging\naccounts:\n  - name: x\n    email: nope\n",
  );
  writeFileSync(join(configDir, "dev.yaml"), "name: dev\nou: Workloads/Dev\n");
  const outParent = tempDir();
  const outdir = join(outParent, "out");

  const result = runSynth({ LZ_CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir });

  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    "The landing zone config has 4 problems; nothing was synthesized.",
  );
  // dev.yaml lost its accounts: identity.yaml's assignment to one is reported in the same run.
  expect(result.stderr).toContain(
    `${configDir}/identity.yaml:66 assignments[3].accounts[0]: "dev-data" is not a member account`,
  );
  expect(result.stderr).toContain(`${configDir}/dev.yaml:2 ou: "Workloads/Dev" is not an OU path`);
  expect(result.stderr).toContain(
    `${configDir}/staging.yaml:5 accounts[0].email: "nope" is not an email address`,
  );
  expect(result.stderr).toContain(`${configDir}/staging.yaml:4 accounts[0].owner: is missing`);
  expect(readdirSync(outParent)).toEqual([]);
});

test("a broken config leaves an earlier good output untouched", () => {
  const outdir = join(tempDir(), "out");
  expect(runSynth({ CDKTF_OUTDIR: outdir }).status).toBe(0);
  const before = readdirSync(join(outdir, "stacks")).sort();
  const configDir = copyExampleConfig();
  cpSync(join(configDir, "dev.yaml"), join(configDir, "dev2.yaml"));

  const result = runSynth({ LZ_CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir });

  expect(result.status).toBe(1);
  expect(result.stderr).toContain('dev2.yaml:2 name: "dev" does not match the file name dev2.yaml');
  expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(before);
});

test("a good config synthesizes into CDKTF_OUTDIR and prints stacks, resources and time", () => {
  const outdir = join(tempDir(), "out");
  const result = runSynth({ CDKTF_OUTDIR: outdir });

  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^Synthesized 21 stacks, \d+ resources, into .+ in \d+\.\d\d s$/m);
  expect(result.stdout).toMatch(/^ {2}organization +\d+ resources$/m);
  expect(existsSync(join(outdir, "manifest.json"))).toBe(true);
  expect(existsSync(join(outdir, "stacks", "account-prod-data", "cdk.tf.json"))).toBe(true);
});
