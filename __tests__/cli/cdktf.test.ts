import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { cdktfEnvironment } from "../../cli/cdktf";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");
const WORKFLOWS = join(ROOT, ".github", "workflows");
const scripts: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, "package.json"), "utf8"),
).scripts;

test("every workflow runs Terraform and cdktf without the checkpoint call", () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
  expect(files.length).toBeGreaterThan(0);
  for (const name of files) {
    const workflow = parse(readFileSync(join(WORKFLOWS, name), "utf8"));
    expect({ name, value: workflow.env?.CHECKPOINT_DISABLE }).toEqual({ name, value: "1" });
  }
});

test("npm run cdktf runs the CLI with CHECKPOINT_DISABLE, and no script calls the CLI directly", () => {
  expect(scripts.cdktf).toContain("cli/cdktf.ts");
  for (const [name, command] of Object.entries(scripts))
    expect({ name, direct: /(^|[\s;&|])(npx\s+)?cdktf(\s|$)/.test(command) }).toEqual({
      name,
      direct: false,
    });
  expect(cdktfEnvironment({ PATH: "/bin" })).toEqual({ PATH: "/bin", CHECKPOINT_DISABLE: "1" });
  // A user who sets it keeps their value.
  expect(cdktfEnvironment({ CHECKPOINT_DISABLE: "" }).CHECKPOINT_DISABLE).toBe("");
});

test("cdktf synth through npm run cdktf prints no checkpoint error", () => {
  const env = { ...process.env };
  delete env.CHECKPOINT_DISABLE;
  const result = spawnSync(
    process.execPath,
    [...typescriptEntryArguments("cli/cdktf.ts"), "synth", "--output", join(tempDir(), "out")],
    { cwd: ROOT, env, encoding: "utf8" },
  );
  expect(result.status).toBe(0);
  expect(`${result.stdout}${result.stderr}`).toContain("Generated Terraform code for the stacks");
  expect(`${result.stdout}${result.stderr}`).not.toContain("checkpoint");
}, 120_000);
