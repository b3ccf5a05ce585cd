import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { UserError } from "../user-error";

/** What `npm run affected` compares: the tree and config of now, and those before the change. */
export interface AffectedRequest {
  /**
   * A git ref of this repository: the code before the change, and the config too when the config
   * folder lives in this repository.
   * @default the working tree's code (only the config is compared)
   */
  readonly base?: string;
  /**
   * The config folder of now, absolute (LZ_CONFIG_DIR).
   * @default environments/ of the working tree
   */
  readonly configDir?: string;
  /** The config folder before the change. */
  readonly baseConfig?: string;
  /** The config before the change, as this ref of the git repository that holds `configDir`. */
  readonly configBase?: string;
}

/** Runs git in `cwd`; a failure is the user's (a ref that doesn't exist, no repository). */
export function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0)
    throw new UserError(`git ${args.join(" ")} (in ${cwd}) failed: ${result.stderr.trim()}`);
  return result.stdout;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** True when `path` is `folder` or inside it, symbolic links resolved. */
function isInside(path: string, folder: string): boolean {
  const fromFolder = relative(realpathSync(folder), realpathSync(path));
  return fromFolder === "" || (!fromFolder.startsWith("..") && !isAbsolute(fromFolder));
}

/**
 * Writes the config folder as it was at `ref` of its own git repository into `into`: every file
 * under it (YAML, policy JSON, schemas), read from git without touching the repository.
 */
function exportConfigAtRef(configDir: string, ref: string, into: string): void {
  const inRepository = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: configDir });
  if (inRepository.status !== 0)
    throw new UserError(
      `--config-base reads the config from git, but ${configDir} is not in a git repository. Pass --base-config <folder> with the config before the change instead.`,
    );
  const top = inRepository.stdout.toString().trim();
  const prefix = git(configDir, ["rev-parse", "--show-prefix"]).trim();
  if (
    spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: top }).status
  )
    throw new UserError(`--config-base ${ref} is not a commit of ${top}.`);
  const files = git(top, ["ls-tree", "-r", "-z", "--name-only", ref, "--", prefix || "."])
    .split("\0")
    .filter(Boolean);
  if (files.length === 0)
    throw new UserError(
      `${configDir} holds no files at ${ref} of ${top}. Pass --base-config <folder> with the config before the change instead.`,
    );
  for (const file of files) {
    const target = join(into, relative(prefix, file));
    mkdirSync(dirname(target), { recursive: true });
    const blob = spawnSync("git", ["cat-file", "blob", `${ref}:${file}`], { cwd: top });
    if (blob.status !== 0)
      throw new UserError(`git cat-file ${ref}:${file} failed: ${blob.stderr.toString().trim()}`);
    writeFileSync(target, blob.stdout);
  }
}

/**
 * The config folder before the change:
 * - `--base-config <folder>`, as given;
 * - `--config-base <ref>`, the config folder at that ref of its own git repository;
 * - else, for a config folder in this repository, the same folder in the base tree (`--base`).
 * A config folder outside this repository has no base unless one of the first two says it.
 * Checks the request at once and returns how to find the folder once the base tree exists.
 */
export function baseConfigSource(
  request: AffectedRequest,
  headConfig: string,
  root: string,
): (baseTree: string, scratch: string) => string {
  if (request.baseConfig) {
    const folder = request.baseConfig;
    if (!isFolder(folder)) throw new UserError(`--base-config ${folder} is not a folder.`);
    return () => folder;
  }
  const ref = request.configBase;
  if (ref) {
    return (_, scratch) => {
      const exported = join(scratch, "base-config");
      exportConfigAtRef(headConfig, ref, exported);
      return exported;
    };
  }
  if (!isInside(headConfig, root))
    throw new UserError(
      `LZ_CONFIG_DIR ${headConfig} is outside this repository, so --base can't say what the config was before the change. ` +
        "Pass --base-config <folder> with the config before the change (the same folder, if only the code changed), " +
        `or --config-base <ref> if ${headConfig} is in a git repository of its own.`,
    );
  const inRepository = relative(realpathSync(root), realpathSync(headConfig));
  return (baseTree) => {
    const folder = join(baseTree, inRepository);
    if (!isFolder(folder))
      throw new UserError(
        `${inRepository || "."} does not exist at ${request.base}. Pass --base-config <folder> with the config before the change.`,
      );
    return folder;
  };
}
