import { problemsOfEditedExample } from "../config-problems";

test("opt-in regions the landing zone knows may be governed", () => {
  expect(
    problemsOfEditedExample([
      ["organization.yaml", "  - us-west-2\n", "  - us-west-2\n  - me-central-1\n  - ap-east-1\n"],
    ]),
  ).toEqual([]);
});

test("a governed region the landing zone can't place as opt-in or not is refused", () => {
  const problems = problemsOfEditedExample([
    ["organization.yaml", "  - us-west-2\n", "  - us-west-2\n  - me-west-1\n"],
  ]);
  expect(problems).toEqual([
    {
      file: "organization.yaml",
      path: ["governedRegions", 2],
      message:
        "is a region the landing zone doesn't know, so it can't tell whether it needs opting in",
      received: "me-west-1",
      fix: "Add me-west-1 to DEFAULT_ENABLED_REGIONS or OPT_IN_REGIONS in config/model/opt-in-regions.ts (AWS's Account Management guide lists the regions that need opting in) and its zone count to config/model/availability-zones.ts, or govern another region.",
    },
  ]);
});
