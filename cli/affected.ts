import { spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/loader/config-problem";
import { loadLandingZoneConfig } from "../config/loader/load-config";
import { SHARED_DEPLOY_ENVIRONMENT } from "../contracts/github-environments";
import { baseConfigSource, git } from "./affected/base-config";
import type { AffectedRequest } from "./affected/base-config";
import { deployEnvironmentOf } from "./deploy-environment";
import { deployOrder } from "./stack-order";
import { synthNodeArguments } from "./synth-command";
import { exitWithError, UserError } from "./user-error";

const USAGE = `usage: npm run affected -- [--base <git ref>] [--base-config <folder> | --config-base <git ref>]
  --base <ref>          the code before the change (and the config, when LZ_CONFIG_DIR is in this repository)
  --base-config <dir>   the config folder before the change
  --config-base <ref>   the config before the change: <ref> of the git repository LZ_CONFIG_DIR is in`;

export interface AffectedStacks {
  /** The git ref the code is compared with, or "working tree" when only the config changed. */
  readonly base: string;
  /** The config before the change, when it isn't the same folder at `base`. */
  readonly baseConfig?: string;
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
        // Only stacks are compared: skip writing evidence (a base tree too old to know the
        // variable writes it anyway, and is only slower).
        LZ_EVIDENCE: "off",
        ...(configDir ? { LZ_CONFIG_DIR: configDir } : {}),
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("close", (code) =>
      code === 0 ? done() : fail(new UserError(`synth of ${tree} failed:\n${errors}`)),
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
 * Synthesizes the working tree with its config and the base with the config before the change
 * side by side, and compares their stacks. The base code is `base` checked out in a temporary
 * worktree (the working tree itself without `base`); the base config is given, read from git, or
 * the same folder in the base tree (see baseConfigSource).
 */
export async function findAffectedStacks(
  request: AffectedRequest,
  root: string = resolve(__dirname, ".."),
): Promise<AffectedStacks> {
  const headConfig = request.configDir ?? join(root, "environments");
  if (!existsSync(headConfig) || !statSync(headConfig).isDirectory())
    throw new UserError(
      `LZ_CONFIG_DIR ${headConfig} is not a folder. Point it at the folder that holds organization.yaml.`,
    );
  const baseConfigIn = baseConfigSource(request, headConfig, root);
  const work = mkdtempSync(join(tmpdir(), "lz-affected-"));
  const baseTree = request.base ? join(work, "base") : root;
  try {
    if (request.base) {
      git(root, ["worktree", "add", "--detach", baseTree, request.base]);
      if (!existsSync(join(baseTree, "node_modules")))
        symlinkSync(join(root, "node_modules"), join(baseTree, "node_modules"), "dir");
    }
    const baseConfig = baseConfigIn(baseTree, work);
    await Promise.all([
      synthesize(baseTree, join(work, "base.out"), baseConfig),
      synthesize(root, join(work, "head.out"), headConfig),
    ]);
    const affected = compareSynths(
      join(work, "base.out"),
      join(work, "head.out"),
      request.base ?? "working tree",
      deployEnvironmentOf(loadLandingZoneConfig(headConfig)),
    );
    const given = request.baseConfig ?? request.configBase;
    return given ? { ...affected, baseConfig: given } : affected;
  } finally {
    if (existsSync(join(baseTree, ".git")) && baseTree !== root)
      git(root, ["worktree", "remove", "--force", baseTree]);
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The request of a command line: paths (LZ_CONFIG_DIR, --base-config) resolved against `cwd`, the
 * folder the command runs in.
 */
export function affectedRequest(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): AffectedRequest {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      base: { type: "string" },
      "base-config": { type: "string" },
      "config-base": { type: "string" },
    },
  });
  if (!values.base && !values["base-config"] && !values["config-base"])
    throw new UserError(
      `Nothing to compare with: pass --base <ref> (and, for a config folder outside this repository, --base-config or --config-base)\n${USAGE}`,
    );
  if (values["base-config"] && values["config-base"])
    throw new UserError(
      `--base-config and --config-base both say what the config was; pass one\n${USAGE}`,
    );
  return {
    base: values.base,
    configDir: env.LZ_CONFIG_DIR ? resolve(cwd, env.LZ_CONFIG_DIR) : undefined,
    baseConfig: values["base-config"] ? resolve(cwd, values["base-config"]) : undefined,
    configBase: values["config-base"],
  };
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
  Promise.resolve()
    .then(() =>
      findAffectedStacks(affectedRequest(process.argv.slice(2), process.env, process.cwd())),
    )
    .then((affected) => process.stdout.write(`${JSON.stringify(affected)}\n`))
    .catch((error: unknown) => exitWithError(error, [ConfigError]));
}
