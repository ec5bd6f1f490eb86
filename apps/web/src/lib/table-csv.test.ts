import { expect, test } from "vitest";

import { csvFileName, tableToCsv } from "./table-csv";

function table(html: string): HTMLTableElement {
  const element = document.createElement("table");
  element.innerHTML = html;
  return element;
}

test("a shown table is written by the one CSV writer: BOM, CRLF, quoting, formulas neutralised", () => {
  const csv = tableToCsv(
    table(`
      <thead><tr><th>Name</th><th>Team</th><th data-csv-skip>Actions</th></tr></thead>
      <tbody>
        <tr><td>=HYPERLINK("x")</td><td>Preston,
          Lancashire</td><td><button>Edit</button></td></tr>
        <tr><td>＝1+1</td><td>;=1+1</td><td><button>Edit</button></td></tr>
        <tr><td>-£30,218</td><td>-12.50</td><td><button>Edit</button></td></tr>
      </tbody>`),
  );
  expect(csv).toBe(
    [
      "\uFEFFName,Team",
      `"'=HYPERLINK(""x"")","Preston, Lancashire"`,
      `'＝1+1,"';=1+1"`,
      `"'-£30,218",-12.50`,
      "",
    ].join("\r\n"),
  );
});

test("an empty table is an empty header line; file names come from the caption", () => {
  expect(tableToCsv(table(""))).toBe("\uFEFF\r\n");
  expect(csvFileName("Uptake by department")).toBe("uptake-by-department.csv");
  expect(csvFileName("!!!")).toBe("table.csv");
});
