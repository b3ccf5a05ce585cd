import { spawn } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HarnessSettings } from "../harness-settings";

/**
 * A Terraform CLI configuration that installs the AWS provider from the mirror, and everything
 * else (nothing today) from the registry. Without a mirror, Terraform's defaults apply.
 */
function cliConfiguration(providerMirror: string | undefined): string {
  if (!providerMirror) return "";
  const aws = `"registry.terraform.io/hashicorp/aws"`;
  return [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(providerMirror)}`,
    `    include = [${aws}]`,
    "  }",
    "  direct {",
    `    exclude = [${aws}]`,
    "  }",
    "}",
    "",
  ].join("\n");
}

export interface TerraformRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * The environment every harness Terraform command runs with: the CLI configuration above (written
 * to workDir), no prompts, no update checks.
 */
export function terraformEnvironment(
  settings: HarnessSettings,
  workDir: string,
): NodeJS.ProcessEnv {
  const cliConfigFile = join(workDir, "terraform.rc");
  writeFileSync(cliConfigFile, cliConfiguration(settings.providerMirror));
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
  };
}

/** Runs Terraform commands, each logged to its working folder's terraform.log. */
export class TerraformCli {
  constructor(
    private readonly terraform: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  run(dir: string, args: readonly string[]): Promise<TerraformRun> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const child = spawn(this.terraform, ["-chdir=" + dir, ...args], {
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        const run = {
          exitCode: code ?? 1,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8"),
          seconds: (performance.now() - started) / 1000,
        };
        appendFileSync(
          join(dir, "terraform.log"),
          `$ terraform ${args.join(" ")}  (exit ${run.exitCode}, ${run.seconds.toFixed(1)} s)\n${run.stdout}${run.stderr}\n`,
        );
        resolve(run);
      });
    });
  }
}
