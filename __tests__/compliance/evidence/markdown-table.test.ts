import { escapeCell, markdownTable } from "../../../compliance/evidence/markdown-table";

test("a table is a header, a separator and one line per row", () => {
  expect(markdownTable(["rule", "checks"], [["LZ-S3-001", "Buckets are encrypted"]])).toEqual([
    "| rule | checks |",
    "| --- | --- |",
    "| LZ-S3-001 | Buckets are encrypted |",
  ]);
});

test("a cell keeps a | inside it, in code too, and a line break can't end the row", () => {
  expect(escapeCell("quarantine|close")).toBe("quarantine\\|close");
  expect(escapeCell("`a|b`")).toBe("`a\\|b`");
  expect(escapeCell("one\ntwo")).toBe("one two");
});

test("a placeholder outside code is escaped, or GitHub would take it for an HTML tag", () => {
  expect(escapeCell("keys are <keyPrefix>/<stack>.tfstate, as in `<stack>`")).toBe(
    "keys are &lt;keyPrefix>/&lt;stack>.tfstate, as in `<stack>`",
  );
});

test("a row with the wrong number of cells is refused", () => {
  expect(() => markdownTable(["a", "b"], [["only one"]])).toThrow(
    "a table row has 1 cells where the header has 2: only one",
  );
});
