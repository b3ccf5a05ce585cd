import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Jest's globalSetup and globalTeardown (jest.config.js). Every temporary folder a test run makes
 * goes into one folder of its own, removed when the run ends: the tests' (tempDir), the commands'
 * scratch folders (affected, account) and those of every process a test starts, which inherit
 * TMPDIR. A run leaves nothing behind in the OS temp folder. The loader's caches of those
 * processes go there too: they run copies of the checkout from temporary folders, and each new
 * path would otherwise leave entries in node_modules/.cache for good.
 */
const VARIABLES = ["TMPDIR", "TMP", "TEMP", "REGISTER_TYPESCRIPT_CACHE_DIR"] as const;
const SAVED = "LZ_TEST_SAVED_TMPDIR";
const ROOT = "LZ_TEST_TMP_ROOT";

export function setUpTempRoot(): void {
  const root = mkdtempSync(join(tmpdir(), "lz-jest-run-"));
  process.env[SAVED] = JSON.stringify(VARIABLES.map((name) => process.env[name] ?? null));
  process.env[ROOT] = root;
  for (const name of ["TMPDIR", "TMP", "TEMP"] as const) process.env[name] = root;
  process.env.REGISTER_TYPESCRIPT_CACHE_DIR = join(root, "loader-cache");
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
