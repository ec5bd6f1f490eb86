import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { readWorkbook, sheetOf } from "../test/read-workbook";
import { NUMBER_FORMATS } from "./cell-formats";
import { writeXlsx, type XlsxSheet } from "./write-xlsx";

// Excel keeps no time zone: exceljs reads a serial date as that wall-clock time in UTC, so a cell
// showing 10:30 comes back as 10:30Z.
const shown = (cell: ExcelJS.Cell) => (cell.value as Date).toISOString();

const sessions: XlsxSheet = {
  name: "Sessions",
  header: ["Course", "Starts", "Day", "Time", "Cost", "Attendance"],
  formats: [undefined, "dateTime", "date", "time", "money", "percent"],
  rows: [
    // 10:30 British Summer Time is 09:30 UTC.
    ["Awareness", "2026-08-14T09:30:00Z", "2026-08-14", "2026-08-14T09:30:00Z", 123_450, 0.503],
    // 10:30 Greenwich Mean Time is 10:30 UTC.
    [
      "Refresher",
      "2026-01-15T10:30:00Z",
      "2026-06-30T23:30:00Z",
      new Date("2026-01-15T10:30:15Z"),
      -54_500,
      1,
    ],
    // What does not fit a format is written as it comes, never as a wrong date.
    ["Unknown", "next Tuesday", "2026-02-30", null, "n/a", Number.NaN],
  ],
};

describe("a workbook read back by exceljs", () => {
  test("dates and times are date cells holding London's wall clock, summer and winter", async () => {
    const sheet = sheetOf(await readWorkbook(writeXlsx([sessions])), "Sessions");
    const summer = sheet.getRow(2);
    expect(summer.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(shown(summer.getCell(2))).toBe("2026-08-14T10:30:00.000Z");
    expect(summer.getCell(2).numFmt).toBe(NUMBER_FORMATS.dateTime);
    expect(shown(summer.getCell(3))).toBe("2026-08-14T00:00:00.000Z");
    expect(summer.getCell(3).numFmt).toBe("d mmmm yyyy");
    expect(shown(summer.getCell(4))).toBe("1899-12-30T10:30:00.000Z");
    expect(summer.getCell(4).numFmt).toBe("h:mm am/pm");

    const winter = sheet.getRow(3);
    expect(shown(winter.getCell(2))).toBe("2026-01-15T10:30:00.000Z");
    // Half past midnight on 1 July in London is still 30 June in UTC: the day is London's.
    expect(shown(winter.getCell(3))).toBe("2026-07-01T00:00:00.000Z");
    expect(shown(winter.getCell(4))).toBe("1899-12-30T10:30:15.000Z");
  });

  test("money is a number of pounds in a £ format; a rate is a fraction in a percentage format", async () => {
    const sheet = sheetOf(await readWorkbook(writeXlsx([sessions])), "Sessions");
    const [cost, rate] = [sheet.getRow(2).getCell(5), sheet.getRow(2).getCell(6)];
    expect(cost.type).toBe(ExcelJS.ValueType.Number);
    expect(cost.value).toBe(1234.5);
    expect(cost.numFmt).toBe('"£"#,##0.00;-"£"#,##0.00');
    expect(sheet.getRow(3).getCell(5).value).toBe(-545);
    expect(rate.value).toBe(0.503);
    expect(rate.numFmt).toBe("0.0%");
  });

  test("values that do not fit their format stay text, or are left empty", async () => {
    const row = sheetOf(await readWorkbook(writeXlsx([sessions])), "Sessions").getRow(4);
    expect(row.getCell(2).value).toBe("next Tuesday");
    expect(row.getCell(3).value).toBe("2026-02-30");
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Null);
    expect(row.getCell(5).value).toBe("n/a");
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Null);
  });

  test("a bold, frozen header row with filters over every column, columns sized to fit", async () => {
    const workbook = await readWorkbook(
      writeXlsx([sessions, { name: "Empty", header: [], rows: [] }]),
    );
    const sheet = sheetOf(workbook, "Sessions");
    expect(sheet.getRow(1).values).toEqual([undefined, ...sessions.header]);
    expect(sheet.getRow(1).getCell(1).font.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:F4");
    // "30 September 2026 12:30 pm" fits the date-and-time column; "Course" needs no more than 8.
    expect(sheet.getColumn(2).width).toBe(28);
    expect(sheet.getColumn(1).width).toBe(11);
    expect(sheetOf(workbook, "Empty").autoFilter).toBeUndefined();
  });

  test("a long list is written whole, every row in place", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `Person ${String(i)}`,
      "2026-08-14T09:30:00Z",
      i,
    ]);
    const bytes = writeXlsx([
      { name: "Long", header: ["Name", "When", "N"], formats: [undefined, "dateTime"], rows },
    ]);
    const sheet = sheetOf(await readWorkbook(bytes), "Long");
    expect(sheet.rowCount).toBe(20_001);
    expect(sheet.getRow(20_001).values).toEqual([
      undefined,
      "Person 19999",
      new Date("2026-08-14T10:30:00.000Z"),
      19_999,
    ]);
  });
});
