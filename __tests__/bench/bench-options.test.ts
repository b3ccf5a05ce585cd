import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseBenchOptions, partialBecause, resultsDir } from "../../bench/bench-options";

const ROOT = "/repo";
const committed = join(ROOT, "bench", "results");
const partial = join(committed, "partial");
const dirOf = (...argv: string[]) => resultsDir(parseBenchOptions(argv), ROOT);

test("only a run of every target writes the committed results", () => {
  expect(dirOf()).toBe(committed);
  expect(dirOf("--sizes", "1000,100,10", "--repeat", "5")).toBe(committed);
  expect(dirOf("--sizes", "10,100,1000,2000")).toBe(committed);
});

test("a partial run writes beside them, in the git-ignored partial/, and says why", () => {
  expect(dirOf("--sizes", "10,100")).toBe(partial);
  expect(dirOf("--repeat", "1")).toBe(partial);
  expect(dirOf("--skip-tests")).toBe(partial);
  expect(
    partialBecause(parseBenchOptions(["--sizes", "10", "--repeat", "1", "--skip-tests"])),
  ).toEqual(["no organization of 100, 1000 accounts", "1 run per figure", "npm test not timed"]);
});

test("sizes are measured smallest first, so the largest gets the affected run", () => {
  expect(parseBenchOptions(["--sizes", "1000,10,100,10"]).sizes).toEqual([10, 100, 1000]);
});

test("a size or repeat that is not a positive whole number is refused with the usage", () => {
  expect(() => parseBenchOptions(["--sizes", "10,ten"])).toThrow(
    '--sizes takes positive whole numbers, got "ten"\nusage: npm run bench --',
  );
  expect(() => parseBenchOptions(["--repeat", "0"])).toThrow(
    "--repeat takes positive whole numbers",
  );
});

test("partial results are git-ignored; the committed ones are not", () => {
  const ignored = (path: string) =>
    spawnSync("git", ["check-ignore", "--quiet", path], { cwd: join(__dirname, "..", "..") })
      .status === 0;
  expect(ignored("bench/results/partial/latest.md")).toBe(true);
  expect(ignored("bench/results/latest.md")).toBe(false);
});
