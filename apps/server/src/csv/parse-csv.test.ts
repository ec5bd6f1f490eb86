import { describe, expect, test } from "vitest";

import { AppError } from "../errors";
import { parseCsv } from "./parse-csv";

const columns = ["employee_number", "name", "active"] as const;

describe("parseCsv", () => {
  test("reads rows by column, ignoring a byte order mark, header case, spacing and order", () => {
    const text = "\uFEFFName, Employee Number ,ACTIVE\r\nAsha Patel,E1,yes\r\nBen Ode,E2,no\r\n";
    expect(parseCsv(text, { columns })).toEqual({
      rows: [
        { line: 2, values: { name: "Asha Patel", employee_number: "E1", active: "yes" } },
        { line: 3, values: { name: "Ben Ode", employee_number: "E2", active: "no" } },
      ],
      issues: [],
    });
  });

  test("keeps each row's line number across blank lines and values spanning lines", () => {
    const text = 'employee_number,name,active\n\nE1,"Asha\nPatel",yes\n,,\nE2,Ben,no';
    expect(parseCsv(text, { columns }).rows.map((row) => [row.line, row.values.name])).toEqual([
      [3, "Asha\nPatel"],
      [6, "Ben"],
    ]);
  });

  test("names missing, unknown and repeated columns in the header", () => {
    expect(parseCsv("employee_number,Full name,employee number\nE1,A,B\n", { columns })).toEqual({
      rows: [],
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

  test("reports an empty file and lines with the wrong number of values", () => {
    expect(parseCsv("", { columns }).issues).toEqual([
      {
        line: 1,
        column: null,
        message: "The file is empty: its first line must be the header employee_number,name,active",
      },
    ]);
    const result = parseCsv("employee_number,name,active\nE1,A\nE2,B,yes\nE3,C,yes,extra\n", {
      columns,
    });
    expect(result.rows.map((row) => row.line)).toEqual([3]);
    expect(result.issues).toEqual([
      { line: 2, column: null, message: "This line has 2 values but the header has 3 columns" },
      { line: 4, column: null, message: "This line has 4 values but the header has 3 columns" },
    ]);
  });

  test("reports broken quoting with the line it was found on", () => {
    expect(parseCsv('employee_number,name,active\nE1,"Asha,yes\n', { columns }).issues).toEqual([
      {
        line: 2,
        column: null,
        message: 'A quoted value is not closed: check for a missing double quote (")',
      },
    ]);
    expect(parseCsv('employee_number,name,active\nE1,As"ha,yes\n', { columns }).issues).toEqual([
      {
        line: 2,
        column: null,
        message: 'A double quote (") appears inside a value that is not quoted',
      },
    ]);
  });

  test("refuses a file over the size limit with the sizes in the message", () => {
    const text = `employee_number,name,active\n${"E1,Asha,yes\n".repeat(200_000)}`;
    expect(() => parseCsv(text, { columns, maxBytes: 1024 * 1024 })).toThrow(
      new AppError(
        "payload_too_large",
        "The file is 2.3 MB; the largest file you can import is 1.0 MB. Split it into smaller files.",
        { field: "csv" },
      ),
    );
  });
});
