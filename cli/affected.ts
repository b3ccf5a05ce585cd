import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadLandingZoneConfig } from "../environments/loader/load-config";
import { SHARED_DEPLOY_ENVIRONMENT } from "../modules/pipeline/shared-deploy-environment";
import { deployEnvironmentOf } from "./deploy-environment";
import { deployOrder } from "./stack-order";
import { synthNodeArguments } from "./synth-command";

const USAGE = "usage: npm run affected -- --base <git ref>";

export interface AffectedStacks {
  readonly base: string;
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Changed and added stacks, in deploy order. */
  readonly stacks: readonly string[];
  /** The same stacks with the GitHub environment their apply runs in: the CI matrix. */
  readonly matrix: readonly { readonly stack: string; readonly environment: string }[];
}

/** Runs `main.ts` of a source tree into `outdir`, resolving when synth succeeded. */
function synthesize(tree: string, outdir: string, configDir?: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, synthNodeArguments(), {
      cwd: tree,
      env: {
        ...process.env,
        CDKTF_OUTDIR: outdir,
        ...(configDir ? { LZ_CONFIG_DIR: configDir } : {}),
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("close", (code) =>
      code === 0 ? done() : fail(new Error(`synth of ${tree} failed:\n${errors}`)),
    );
  });
}

function stackFiles(outdir: string): Map<string, string> {
  const stacksDir = join(outdir, "stacks");
  return new Map(
    readdirSync(stacksDir)
      .sort()
      .map((stack) => [stack, readFileSync(join(stacksDir, stack, "cdk.tf.json"), "utf8")]),
  );
}

/** Stacks whose Terraform differs byte for byte between two synth outputs. */
export function compareSynths(
  base: string,
  head: string,
  baseRef: string,
  environmentOf: (stack: string) => string = () => SHARED_DEPLOY_ENVIRONMENT,
): AffectedStacks {
  const before = stackFiles(base);
  const after = stackFiles(head);
  const changed = [...after.keys()].filter(
    (stack) => before.has(stack) && before.get(stack) !== after.get(stack),
  );
  const added = [...after.keys()].filter((stack) => !before.has(stack));
  const removed = [...before.keys()].filter((stack) => !after.has(stack));
  const manifest = JSON.parse(readFileSync(join(head, "manifest.json"), "utf8")) as {
    stacks: Record<string, { dependencies: string[] }>;
  };
  const touched = new Set([...changed, ...added]);
  const order = deployOrder(
    Object.fromEntries(
      Object.entries(manifest.stacks).map(([name, stack]) => [name, stack.dependencies]),
    ),
  );
  const stacks = order.filter((stack) => touched.has(stack));
  return {
    base: baseRef,
    changed,
    added,
    removed,
    stacks,
    matrix: stacks.map((stack) => ({ stack, environment: environmentOf(stack) })),
  };
}

/**
 * Synthesizes the working tree and `base` (checked out in a temporary worktree) side by side
 * and compares their stacks. Both use LZ_CONFIG_DIR when it is set.
 */
export async function findAffectedStacks(
  baseRef: string,
  root: string = resolve(__dirname, ".."),
): Promise<AffectedStacks> {
  const work = mkdtempSync(join(tmpdir(), "lz-affected-"));
  const baseTree = join(work, "base");
  const git = (...args: string[]) => {
    const result = spawnSync("git", args, { cwd: root, encoding: "utf8" });
    if (result.status !== 0)
      throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
  };
  git("worktree", "add", "--detach", baseTree, baseRef);
  try {
    if (!existsSync(join(baseTree, "node_modules")))
      symlinkSync(join(root, "node_modules"), join(baseTree, "node_modules"), "dir");
    await Promise.all([
      synthesize(baseTree, join(work, "base.out")),
      synthesize(root, join(work, "head.out")),
    ]);
    const config = loadLandingZoneConfig(process.env.LZ_CONFIG_DIR || join(root, "environments"));
    return compareSynths(
      join(work, "base.out"),
      join(work, "head.out"),
      baseRef,
      deployEnvironmentOf(config),
    );
  } finally {
    git("worktree", "remove", "--force", baseTree);
    rmSync(work, { recursive: true, force: true });
  }
}

/** The affected stacks between two config folders, synthesized side by side by this tree. */
export async function compareConfigs(
  baseConfig: string,
  headConfig: string,
  root: string = resolve(__dirname, ".."),
): Promise<AffectedStacks> {
  const work = mkdtempSync(join(tmpdir(), "lz-affected-"));
  try {
    await Promise.all([
      synthesize(root, join(work, "base.out"), baseConfig),
      synthesize(root, join(work, "head.out"), headConfig),
    ]);
    return compareSynths(join(work, "base.out"), join(work, "head.out"), baseConfig);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { base: { type: "string" } } });
  if (!values.base) {
    process.stderr.write(`--base is required\n${USAGE}\n`);
    process.exitCode = 1;
  } else {
    findAffectedStacks(values.base)
      .then((affected) => process.stdout.write(`${JSON.stringify(affected)}\n`))
      .catch((error: Error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      });
  }
}
