import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** What made a snapshot: this project's name and version, and the commit when it is known. */
export interface ToolVersion {
  readonly name: string;
  readonly version: string;
  /** The checkout's commit (with "+ uncommitted changes" when tracked files differ), CI's, or null. */
  readonly commit: string | null;
}

export function toolVersion(env: NodeJS.ProcessEnv = process.env): ToolVersion {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  let commit: string | null;
  try {
    const head = git("rev-parse", "HEAD");
    commit =
      git("status", "--porcelain", "--untracked-files=no") === ""
        ? head
        : `${head} + uncommitted changes`;
  } catch {
    commit = env.GITHUB_SHA ?? null;
  }
  return { name, version, commit };
}
