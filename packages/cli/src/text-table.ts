/** How a column's cells line up: text to the left, money to the right. */
export type Alignment = "left" | "right";

/** A table to print in a terminal: column titles and alignment, and the rows of cells. */
export interface TextTable {
  readonly columns: readonly { readonly title: string; readonly align: Alignment }[];
  readonly rows: readonly (readonly string[])[];
}

/** Lays a table out in aligned columns two spaces apart, with a rule under the header. */
export function renderTable(table: TextTable): string {
  const header = table.columns.map((column) => column.title);
  const grid = [header, ...table.rows];
  const widths = table.columns.map((column, index) =>
    Math.max(...grid.map((row) => (row[index] ?? "").length)),
  );
  const line = (row: readonly string[]) =>
    widths
      .map((width, index) => {
        const cell = row[index] ?? "";
        return table.columns[index]?.align === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(header), rule, ...table.rows.map(line)].join("\n");
}
