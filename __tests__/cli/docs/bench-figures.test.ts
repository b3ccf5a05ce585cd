import { benchFigures } from "../../../cli/docs/bench-figures";

test("the figures are the bench's report without its title", () => {
  expect(benchFigures("# Benchmark results\n\nMachine: 2 cores.\n\n| run |\n| --- |\n")).toEqual([
    "Machine: 2 cores.",
    "",
    "| run |",
    "| --- |",
  ]);
});

test("the committed results are read when no text is given", () => {
  expect(benchFigures().join("\n")).toContain("| target ");
});

test("an empty report says to run the bench", () => {
  expect(() => benchFigures("# Benchmark results\n")).toThrow(
    "bench/results/latest.md has no results: run npm run bench",
  );
});
