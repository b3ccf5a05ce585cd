/**
 * A Markdown table, one line per row. Cells are escaped (see escapeCell), so any text can go in a
 * cell: a regular expression's `|` or a placeholder such as `<stack>`.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  for (const row of rows)
    if (row.length !== header.length)
      throw new Error(
        `a table row has ${row.length} cells where the header has ${header.length}: ${row.join(" / ")}`,
      );
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)];
}

/**
 * A cell's text, safe inside a table row: `|` escaped, as it would end the cell, even in code; a
 * line break folded into a space, as it would end the row; and outside `code`, `<` written as
 * `&lt;`, or GitHub would take `<stack>` for an HTML tag and show nothing.
 */
export function escapeCell(text: string): string {
  // Most cells (a resource address, an account) need nothing: skip the splitting, which a
  // control matrix of a thousand accounts does a million times.
  if (!/[\n|<`]/.test(text)) return text;
  return text
    .replace(/\r?\n/g, " ")
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replaceAll("<", "&lt;")))
    .join("")
    .replaceAll("|", "\\|");
}
