// Cells that start like a formula would run in a spreadsheet; a leading apostrophe keeps them
// as text (the same rule the server's CSV writer follows).
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A shown table as CSV, for tables the server has no export for. Columns whose header has
 * `data-csv-skip` (action buttons) are left out; cells are read as the words a person sees.
 */
export function tableToCsv(table: HTMLTableElement): string {
  const header = table.tHead?.rows[0];
  const skip = new Set<number>();
  if (header !== undefined) {
    [...header.cells].forEach((cell, index) => {
      if (cell.hasAttribute("data-csv-skip")) skip.add(index);
    });
  }
  const lines = [...table.rows].map((row) =>
    [...row.cells]
      .filter((_, index) => !skip.has(index))
      .map((cell) => quote(neutralise((cell.textContent ?? "").replace(/\s+/g, " ").trim())))
      .join(","),
  );
  return `${lines.join("\r\n")}\r\n`;
}

/** Offers text to the browser as a file download. */
export function saveText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  // A byte order mark makes Excel read the file as UTF-8 (names with accents stay intact).
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a table's caption: "Uptake by department" → "uptake-by-department.csv". */
export function csvFileName(caption: string): string {
  const slug = caption
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug === "" ? "table" : slug}.csv`;
}
