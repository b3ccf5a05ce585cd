import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { diffLines } from "diff";
import { GuardrailViolationError } from "../../compliance/rules/evaluate-rules";
import { ConfigError, formatProblem } from "../../config/loader/config-problem";
import type { ConfigProblem } from "../../config/loader/config-problem";
import { synthesizeLandingZone } from "../synthesize-landing-zone";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { loadSynthConfig } from "../load-synth-config";

/** A request the config can't satisfy; nothing is written. */
export class RequestError extends Error {}

/** The config as it stands, which must be valid before a command edits it. */
export async function loadConfigBeforeEdit(dir: string, today: string): Promise<LandingZoneConfig> {
  return loadSynthConfig(dir, today).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      throw new RequestError(
        `The config is invalid before this command; fix it first.\n${error.message}`,
      );
    }
    throw error;
  });
}

/**
 * Applies file edits only if the whole config, edited, passes every check synth makes and its
 * synth passes the guardrail rules. The edits are tried in a temporary copy of the folder; then
 * each file is written to a temporary name and renamed over the original, so a reader never sees
 * half a file.
 */
export async function commitConfigEdits(
  dir: string,
  edits: ReadonlyMap<string, string>,
  today: string,
  // A command that has already read the config passes it, so it is loaded once.
  loaded?: LandingZoneConfig,
): Promise<{ before: LandingZoneConfig; after: LandingZoneConfig }> {
  const before = loaded ?? (await loadConfigBeforeEdit(dir, today));
  const staging = mkdtempSync(join(tmpdir(), "lz-account-"));
  try {
    cpSync(dir, staging, { recursive: true });
    for (const [file, text] of edits) writeFileSync(join(staging, file), text);
    const after = await loadSynthConfig(staging, today).catch((error: unknown) => {
      if (error instanceof ConfigError) {
        const problems = error.problems.map((problem) => inUserFiles(problem, dir, staging, edits));
        throw new RequestError(
          `${leftUnchanged(dir, edits)} With this change the config would have ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}:\n` +
            problems.map((problem) => `  - ${formatProblem(problem)}`).join("\n"),
        );
      }
      throw error;
    });
    try {
      // The guardrail rules, with nothing written that this check would throw away unread.
      synthesizeLandingZone(after, join(staging, ".synth"), { evidence: false });
    } catch (error) {
      if (error instanceof GuardrailViolationError)
        throw new RequestError(
          `${leftUnchanged(dir, edits)} The change would break guardrails.\n${error.message}`,
        );
      throw error;
    }
    for (const [file, text] of edits) {
      const target = join(dir, file);
      const temporary = `${target}.tmp-${process.pid}`;
      writeFileSync(temporary, text);
      renameSync(temporary, target);
    }
    return { before, after: { ...after, sourceDir: before.sourceDir } };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** "Nothing was written: environments/prod.yaml is left unchanged." */
function leftUnchanged(dir: string, edits: ReadonlyMap<string, string>): string {
  const files = [...edits.keys()].sort().map((file) => displayedPath(join(dir, file)));
  const list =
    files.length === 1 ? files[0] : `${files.slice(0, -1).join(", ")} and ${files.at(-1)}`;
  return `Nothing was written: ${list} ${files.length === 1 ? "is" : "are"} left unchanged.`;
}

/**
 * A problem found in the staging copy, told in the user's files: their paths, and the line of
 * the user's own file when the problem sits on a line the edit kept. A line only the edit wrote
 * exists in no file the user can open, so it is named as such.
 */
function inUserFiles(
  problem: ConfigProblem,
  dir: string,
  staging: string,
  edits: ReadonlyMap<string, string>,
): ConfigProblem {
  const [from, to] = [displayedPath(staging), displayedPath(dir)];
  const rename = (value: unknown) =>
    typeof value === "string" ? value.replaceAll(from, to) : value;
  const renamed: ConfigProblem = {
    ...problem,
    file: rename(problem.file) as string,
    message: rename(problem.message) as string,
    fix: rename(problem.fix) as string,
    ...("received" in problem ? { received: rename(problem.received) } : {}),
  };
  const edited = [...edits.keys()].find(
    (file) => displayedPath(join(staging, file)) === problem.file,
  );
  if (edited === undefined || problem.line === undefined) return renamed;
  const line = originalLine(readConfigFile(dir, edited), edits.get(edited)!, problem.line);
  return line === undefined
    ? { ...renamed, file: `${renamed.file} (in the lines this command would write)`, line }
    : { ...renamed, line };
}

/** The line of `original` that line `line` of `edited` kept, or undefined if the edit wrote it. */
export function originalLine(original: string, edited: string, line: number): number | undefined {
  let [originalAt, editedAt] = [1, 1];
  for (const change of diffLines(original, edited)) {
    const count = change.count ?? 0;
    if (change.added) {
      if (line < editedAt + count) return undefined;
      editedAt += count;
    } else if (change.removed) {
      originalAt += count;
    } else {
      if (line < editedAt + count) return originalAt + (line - editedAt);
      [originalAt, editedAt] = [originalAt + count, editedAt + count];
    }
  }
  return undefined;
}

/** A folder as the loader names it in messages: relative inside the working folder, else absolute. */
function displayedPath(dir: string): string {
  const fromHere = relative(process.cwd(), resolve(dir));
  return fromHere.startsWith("..") ? resolve(dir) : fromHere;
}

export function readConfigFile(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}
