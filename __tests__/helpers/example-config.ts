import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dirs";

export const EXAMPLE_CONFIG_DIR = join(__dirname, "..", "..", "environments");

/** Copies the example organization so a test can change it. */
export function copyExampleConfig(): string {
  const dir = tempDir("lz-config-");
  cpSync(EXAMPLE_CONFIG_DIR, dir, { recursive: true });
  return dir;
}

/**
 * Replaces one fragment of a config file. It throws when the fragment is gone, so a test whose
 * edit no longer applies fails instead of quietly testing the unchanged example.
 */
export function replaceInFile(path: string, fragment: string | RegExp, replacement: string): void {
  const text = readFileSync(path, "utf8");
  const found = typeof fragment === "string" ? text.includes(fragment) : text.search(fragment) >= 0;
  if (!found)
    throw new Error(
      `${path} no longer contains ${String(fragment)}: update the test's edit to the example.`,
    );
  writeFileSync(path, text.replace(fragment, replacement));
}

/** A copy of the example with edits applied: file (relative to the folder) → [fragment, replacement]. */
export function editedExample(
  edits: readonly (readonly [file: string, fragment: string | RegExp, replacement: string])[],
): string {
  const dir = copyExampleConfig();
  for (const [file, fragment, replacement] of edits)
    replaceInFile(join(dir, file), fragment, replacement);
  return dir;
}
