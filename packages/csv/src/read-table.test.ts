import { describe, expect, test } from "vitest";

import { IssueList } from "./issue-list";
import { CsvLimitError, readCsvTable, type CsvRow } from "./read-table";

const columns = ["employee_number", "name", "active"] as const;
type Column = (typeof columns)[number];

function read(text: string, limits: { maxBytes?: number; maxRows?: number } = {}) {
  const issues = new IssueList();
  const rows: CsvRow<Column>[] = [];
  const complete = readCsvTable(
    text,
    { columns, maxBytes: limits.maxBytes ?? 1024 * 1024, maxRows: limits.maxRows ?? 1000 },
    { issues, visit: (row) => rows.push(row) },
  );
  return { rows, issues: issues.listed, count: issues.count, complete };
}

describe("readCsvTable", () => {
  test("reads rows by column, ignoring a byte order mark, header case, spacing and order", () => {
    const text = "\uFEFFName, Employee Number ,ACTIVE\r\nAsha Patel,E1,yes\r\nBen Ode,E2,no\r\n";
    expect(read(text)).toEqual({
      rows: [
        { line: 2, values: { name: "Asha Patel", employee_number: "E1", active: "yes" } },
        { line: 3, values: { name: "Ben Ode", employee_number: "E2", active: "no" } },
      ],
      issues: [],
      count: 0,
      complete: true,
    });
  });

  test("reads an optional column when the header has it, and a blank for it when not", () => {
    const readWith = (text: string) => {
      const issues = new IssueList();
      const rows: CsvRow<Column>[] = [];
      readCsvTable(
        text,
        { columns, optional: ["active"], maxBytes: 1024, maxRows: 10 },
        { issues, visit: (row) => rows.push(row) },
      );
      return { values: rows.map((row) => row.values), issues: issues.listed };
    };
    expect(readWith("name,employee_number\nAsha,E1")).toEqual({
      values: [{ name: "Asha", employee_number: "E1", active: "" }],
      issues: [],
    });
    expect(readWith("active,name,employee_number\nno,Asha,E1").values).toEqual([
      { name: "Asha", employee_number: "E1", active: "no" },
    ]);
    expect(readWith("active\nno").issues.map((issue) => issue.message)).toEqual([
      "The header has no employee_number column",
      "The header has no name column",
    ]);
  });

  test("keeps each row's line number across blank lines and values spanning lines", () => {
    const text = 'employee_number,name,active\n\nE1,"Asha\nPatel",yes\n,,\nE2,Ben,no';
    expect(read(text).rows.map((row) => [row.line, row.values.name])).toEqual([
      [3, "Asha\nPatel"],
      [6, "Ben"],
    ]);
  });

  test("names missing, unknown and repeated columns in the header, and reads no further", () => {
    expect(read("employee_number,Full name,employee number\nE1,A,B\n")).toEqual({
      rows: [],
      count: 4,
      complete: false,
      issues: [
        {
          line: 1,
          column: "Full name",
          message:
            '"Full name" is not a column of this file; the columns are employee_number, name, active',
        },
        {
          line: 1,
          column: "employee_number",
          message: "The employee_number column appears more than once",
        },
        { line: 1, column: "name", message: "The header has no name column" },
        { line: 1, column: "active", message: "The header has no active column" },
      ],
    });
  });

  test("reports an empty file, a file of blank lines, and lines with the wrong number of values", () => {
    const empty = {
      line: 1,
      column: null,
      message: "The file is empty: its first line must be the header employee_number,name,active",
    };
    expect(read("")).toMatchObject({ issues: [empty], complete: false });
    expect(read("\n\r\n , ,\n".repeat(1000))).toMatchObject({ issues: [empty], complete: false });
    const result = read("employee_number,name,active\nE1,A\nE2,B,yes\nE3,C,yes,extra\n");
    expect(result.rows.map((row) => row.line)).toEqual([3]);
    expect(result.issues).toEqual([
      { line: 2, column: null, message: "This line has 2 values but the header has 3 columns" },
      { line: 4, column: null, message: "This line has 4 values but the header has 3 columns" },
    ]);
    expect(result.complete).toBe(true);
  });

  test("refuses text that is not UTF-8 by line and column", () => {
    const result = read("employee_number,name,active\nE1,Ren\uFFFD Dupont,yes\n");
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      { line: 2, column: "name", message: expect.stringContaining("not UTF-8") as string },
    ]);
  });

  test("reports broken quoting with the line it was found on, keeping problems found before it", () => {
    expect(read('employee_number,name,active\nE1,"Asha,yes\n')).toMatchObject({
      complete: false,
      issues: [
        {
          line: 2,
          column: null,
          message: 'A quoted value is not closed: check for a missing double quote (")',
        },
      ],
    });
    const result = read('employee_number,name,active\nE0\nE1,As"ha,yes\nE2,Ben,no\n');
    expect(result.rows).toEqual([]);
    expect(result.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [2, "This line has 1 values but the header has 3 columns"],
      [3, 'A double quote (") appears inside a value that is not quoted'],
    ]);
  });

  test("refuses a file over the size limit, counting bytes of UTF-8, with the sizes in the message", () => {
    const text = `employee_number,name,active\n${"E1,Asha,yes\n".repeat(200_000)}`;
    expect(() => read(text, { maxBytes: 1024 * 1024 })).toThrow(
      new CsvLimitError(
        "bytes",
        "The file is 2.3 MB; the largest file you can import is 1.0 MB. Split it into smaller files.",
      ),
    );
    // "£" is two bytes, "€" three and "😀" four: 9 bytes in 4 characters.
    expect(() => read("£€😀", { maxBytes: 8 })).toThrow(CsvLimitError);
    expect(read("£€😀", { maxBytes: 9 }).issues[0]?.column).toBe("£€😀");
  });

  test("stops at the row after the row limit; blank lines do not count", () => {
    const rows = "E1,Asha,yes\n\n".repeat(3);
    expect(read(`employee_number,name,active\n${rows}`, { maxRows: 3 }).rows).toHaveLength(3);
    let visited = 0;
    expect(() =>
      readCsvTable(
        `employee_number,name,active\n${"E1,Asha,yes\n".repeat(1_000_000)}`,
        { columns, maxBytes: 64 * 1024 * 1024, maxRows: 100 },
        { issues: new IssueList(), visit: () => (visited += 1) },
      ),
    ).toThrow(
      new CsvLimitError(
        "rows",
        "The file has more than 100 rows; the most you can import at once is 100. Split it into smaller files.",
      ),
    );
    expect(visited).toBe(100);
  });

  test("keeps the first problems of a file full of them and counts them all", () => {
    const issues = new IssueList(5);
    const complete = readCsvTable(
      `employee_number,name,active\n${"junk\n".repeat(5_000)}`,
      { columns, maxBytes: 1024 * 1024, maxRows: 10_000 },
      { issues, visit: () => undefined },
    );
    expect(complete).toBe(true);
    expect(issues.count).toBe(5_000);
    expect(issues.listed.map((issue) => issue.line)).toEqual([2, 3, 4, 5, 6]);
  });
});
