import { benchSummary } from "../../../cli/docs/bench-summary";

const results = (targets: unknown[]) => JSON.stringify({ machine: { cores: 2 }, targets });

test("each target is a line with its measure, and a missed one says so", () => {
  expect(
    benchSummary(
      results([
        { target: "synth ≤ 20 s", value: "16.1 s", met: true },
        { target: "example ≤ 4× floor", value: "6.2×", met: false },
      ]),
    ),
  ).toEqual([
    "`npm run bench` on 2 cores, last run:",
    "",
    "- synth ≤ 20 s: 16.1 s",
    "- example ≤ 4× floor: 6.2× (**missed**)",
  ]);
});

test("results without targets are refused", () => {
  expect(() => benchSummary(results([]))).toThrow("bench/results/latest.json has no targets");
});
