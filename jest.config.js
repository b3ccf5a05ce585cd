/** Transpile-only: swc strips types; `tsc --noEmit` in `npm test` does the type check once. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  moduleFileExtensions: ["ts", "js", "json"],
  // Jest's default leaves one core idle; the suite is CPU-bound and nothing else runs beside it.
  maxWorkers: "100%",
  // One temporary folder per run, for every test and the processes they start; removed at the end.
  globalSetup: "<rootDir>/__tests__/helpers/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/helpers/global-teardown.ts",
};
