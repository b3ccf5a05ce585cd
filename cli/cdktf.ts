import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";

/**
 * The environment the cdktf CLI runs in: without its call to HashiCorp's checkpoint service
 * (version and security notices), which prints an error offline and sends usage data online.
 * Terraform, run by the CLI, reads the same variable. An explicit CHECKPOINT_DISABLE is kept.
 */
export function cdktfEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, CHECKPOINT_DISABLE: env.CHECKPOINT_DISABLE ?? "1" };
}

/** The project's own cdktf CLI (devDependencies), run by this node. */
export function cdktfCommand(): string[] {
  return [join(dirname(require.resolve("cdktf-cli/package.json")), "bundle", "bin", "cdktf")];
}

/**
 * `npm run cdktf -- <command>`: `npx cdktf <command>` without the checkpoint call. The CLI reads
 * the variable when it starts, before it reads cdktf.json, so it must be set here, around it.
 */
if (require.main === module) {
  const result = spawnSync(process.execPath, [...cdktfCommand(), ...process.argv.slice(2)], {
    env: cdktfEnvironment(process.env),
    stdio: "inherit",
  });
  if (result.signal) process.kill(process.pid, result.signal);
  process.exitCode = result.status ?? 1;
}
