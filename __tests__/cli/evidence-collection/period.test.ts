import { compactTimestamp, parsePeriod } from "../../../cli/evidence-collection/period";

const NOW = new Date("2026-03-15T10:20:30Z");

test("defaults to the previous calendar month", () => {
  expect(parsePeriod(undefined, undefined, NOW)).toEqual({
    from: "2026-02-01",
    to: "2026-02-28",
    start: new Date("2026-02-01T00:00:00Z"),
    end: new Date("2026-03-01T00:00:00Z"),
    label: "2026-02",
  });
  expect(parsePeriod(undefined, undefined, new Date("2026-01-01T00:00:00Z")).label).toBe("2025-12");
});

test("takes any span of whole days up to today, named by its days", () => {
  expect(parsePeriod("2026-01-10", "2026-03-15", NOW)).toMatchObject({
    label: "2026-01-10_2026-03-15",
    end: new Date("2026-03-16T00:00:00Z"),
  });
  expect(parsePeriod("2026-01-01", "2026-01-31", NOW).label).toBe("2026-01");
});

test.each([
  ["2026-02-30", "2026-03-01", '--from takes a date as YYYY-MM-DD, got "2026-02-30"'],
  ["2026-03-01", "2026-02-01", "--to 2026-02-01 is before --from 2026-03-01; swap them"],
  ["2026-03-01", "2026-03-16", "--to 2026-03-16 is after today (2026-03-15)"],
  ["2026-03-01", undefined, "give both --from and --to"],
])("refuses --from %s --to %s", (from, to, message) => {
  expect(() => parsePeriod(from, to, NOW)).toThrow(message);
});

test("collection times sort and fit in a folder name", () => {
  expect(compactTimestamp(NOW)).toBe("20260315T102030Z");
});
