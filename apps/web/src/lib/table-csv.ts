import { writeCsv } from "@dapkit/csv";

// A cell's words as a person reads them: runs of spaces and line breaks in the markup are one space.
function shownText(cell: HTMLTableCellElement): string {
  return (cell.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * A shown table as CSV, for tables the server has no export for, written by dapkit's one CSV
 * writer (byte order mark, quoting, formula neutralisation). Columns whose header has
 * `data-csv-skip` (action buttons) are left out; cells are read as the words a person sees.
 */
export function tableToCsv(table: HTMLTableElement): string {
  const header = table.tHead?.querySelector("tr");
  const skip = new Set<number>();
  if (header != null) {
    [...header.cells].forEach((cell, index) => {
      if (cell.hasAttribute("data-csv-skip")) skip.add(index);
    });
  }
  const [first = [], ...rows] = [...table.rows].map((row) =>
    [...row.cells].filter((_, index) => !skip.has(index)).map(shownText),
  );
  return writeCsv({ header: first, rows });
}

/** Offers text to the browser as a file download; CSV text carries its own byte order mark. */
export function saveText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
