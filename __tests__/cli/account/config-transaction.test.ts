import { originalLine } from "../../../cli/account/config-transaction";

describe("originalLine: where a line of the edited file was in the user's file", () => {
  const original = ["a", "b", "c", "d", ""].join("\n");
  // "b" removed (a move takes an account out), "x" and "y" written by the edit.
  const edited = ["a", "x", "c", "d", "y", ""].join("\n");

  test.each([
    [1, 1],
    [3, 3],
    [4, 4],
  ])("line %i of the edit is line %i of the user's file", (line, expected) => {
    expect(originalLine(original, edited, line)).toBe(expected);
  });

  test.each([2, 5])("line %i was written by the edit: no line of the user's file", (line) => {
    expect(originalLine(original, edited, line)).toBeUndefined();
  });
});
