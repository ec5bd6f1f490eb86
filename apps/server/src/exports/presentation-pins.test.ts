import { describe, expect, test } from "vitest";

import { csvTable } from "./csv-values";
import type { Caller } from "./define-export";
import { reportsExport } from "./reports-export";

// The reports workbook's figures and words, pinned to what the web shows for the same values
// (apps/web/src/lib/presentation-pins.test.tsx): 201 of 400 attended is 50.3, not 50.2.
const funnel = {
  nominated: 400,
  booked: 300,
  attended: 201,
  fullyAttended: 200,
  partiallyAttended: 1,
  noShow: 50,
  unableToAttend: 49,
  cancelled: 100,
  declined: 0,
  waitlisted: 0,
  attendanceRate: 201 / 400,
};

const caller = {
  reports: {
    uptake: () => Promise.resolve({ overall: funnel, byDepartment: [] }),
    refreshersDue: () =>
      Promise.resolve({
        items: [
          { employeeNumber: "E1", staffName: "Sam Example", status: "overdue" },
          { employeeNumber: "E2", staffName: "Alex Example", status: "due_soon" },
        ],
        total: 2,
        next: null,
      }),
  },
} as unknown as Caller;

function sheetNamed(title: string) {
  const found = reportsExport.sheets.find((sheet) => sheet.title === title);
  if (found === undefined) throw new Error(`no sheet ${title}`);
  return found;
}

describe("the reports export", () => {
  test("gives the attendance rate as the percentage the dashboard shows", async () => {
    const table = await sheetNamed("Uptake").load(caller);
    const column = table.header.indexOf("Attendance rate");
    // A percentage cell holds the fraction the dashboard's rounding gives; the CSV says "50.3%".
    expect(table.formats[column]).toBe("percent");
    expect(table.rows[0]?.[column]).toBe(0.503);
    expect(csvTable(table).rows[0]?.[column]).toBe("50.3%");
  });

  test("words refresher statuses as the dashboard's tags do", async () => {
    const table = await sheetNamed("Refreshers due").load(caller);
    const column = table.header.indexOf("Status");
    expect(table.rows.map((row) => row[column])).toEqual(["Overdue", "Due soon"]);
  });
});
