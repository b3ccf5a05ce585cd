import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tempDir } from "./temp-dirs";

const ROOT = join(__dirname, "..", "..");

test("a test's temporary folders live in the run's own folder", () => {
  const root = process.env.LZ_TEST_TMP_ROOT;
  expect(root).toBeDefined();
  expect(tmpdir()).toBe(root);
  expect(tempDir().startsWith(`${root}/lz-test-`)).toBe(true);
});

test("the processes a test starts keep the loader's caches in the run's folder", () => {
  expect(process.env.REGISTER_TYPESCRIPT_CACHE_DIR).toBe(
    join(process.env.LZ_TEST_TMP_ROOT!, "loader-cache"),
  );
});

test("a test run leaves no temporary folder behind, its processes' included", () => {
  // Its own OS temp folder, so that what is left is this run's alone.
  const outer = tempDir("lz-outer-");
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: outer, TMP: outer, TEMP: outer };
  delete env.LZ_TEST_TMP_ROOT;
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "jest", "bin", "jest.js"),
      "--runTestsByPath",
      // Makes temporary folders and runs TypeScript in child processes.
      join("__tests__", "cli", "register-typescript.test.ts"),
    ],
    { cwd: ROOT, env, encoding: "utf8" },
  );
  expect(result.status).toBe(0);
  // Jest's own transform cache (jest_*) is not a leftover of the tests.
  expect(readdirSync(outer).filter((name) => !name.startsWith("jest_"))).toEqual([]);
}, 120_000);
