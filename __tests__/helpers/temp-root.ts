import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Jest's globalSetup and globalTeardown (jest.config.js). Every temporary folder a test run makes
 * goes into one folder of its own, removed when the run ends: the tests' (tempDir), the commands'
 * scratch folders (affected, account) and those of every process a test starts, which inherit
 * TMPDIR. A run leaves nothing behind in the OS temp folder.
 */
const VARIABLES = ["TMPDIR", "TMP", "TEMP"] as const;
const SAVED = "LZ_TEST_SAVED_TMPDIR";
const ROOT = "LZ_TEST_TMP_ROOT";

export function setUpTempRoot(): void {
  const root = mkdtempSync(join(tmpdir(), "lz-jest-run-"));
  process.env[SAVED] = JSON.stringify(VARIABLES.map((name) => process.env[name] ?? null));
  process.env[ROOT] = root;
  for (const name of VARIABLES) process.env[name] = root;
}

export function tearDownTempRoot(): void {
  const root = process.env[ROOT];
  if (!root) return;
  rmSync(root, { recursive: true, force: true });
  const saved = JSON.parse(process.env[SAVED] ?? "[]") as (string | null)[];
  VARIABLES.forEach((name, index) => {
    if (saved[index] === null || saved[index] === undefined) delete process.env[name];
    else process.env[name] = saved[index];
  });
  delete process.env[ROOT];
  delete process.env[SAVED];
}
