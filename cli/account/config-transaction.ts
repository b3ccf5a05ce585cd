import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { enforceGuardrails } from "../../compliance/enforce-guardrails";
import { GuardrailViolationError } from "../../compliance/rules/evaluate-rules";
import { ConfigError } from "../../environments/loader/config-problem";
import { buildLandingZone } from "../../stacks/landing-zone";
import { synthesizeAtomically } from "../synthesize-atomically";
import type { LandingZoneConfig } from "../../environments/model/landing-zone-config";
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
        // Name the user's files, not the staging copy.
        throw new RequestError(
          error.message.replaceAll(displayedPath(staging), displayedPath(dir)),
        );
      }
      throw error;
    });
    try {
      synthesizeAtomically(
        join(staging, ".synth"),
        (app) => buildLandingZone(app, after),
        (app, staged) => enforceGuardrails(app, staged, after),
      );
    } catch (error) {
      if (error instanceof GuardrailViolationError)
        throw new RequestError(`The change would break guardrails.\n${error.message}`);
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

/** A folder as the loader names it in messages: relative inside the working folder, else absolute. */
function displayedPath(dir: string): string {
  const fromHere = relative(process.cwd(), resolve(dir));
  return fromHere.startsWith("..") ? resolve(dir) : fromHere;
}

export function readConfigFile(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}
