import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { neutraliseFormula, toCell } from "./cell";
import { readCsvRecords } from "./read-records";
import { writeCsv } from "./write-csv";

const BOM = "\uFEFF";

function dataLines(csv: string): string[] {
  return csv.split("\r\n").slice(1, -1);
}

describe("writeCsv", () => {
  test("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    const csv = writeCsv({ header: ["Name", "Team"], rows: [["Aled Jones", "Housing"]] });
    expect(csv).toBe(`${BOM}Name,Team\r\nAled Jones,Housing\r\n`);
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test("quotes fields holding quotes, separators or line breaks, doubling the quotes", () => {
    const csv = writeCsv({
      header: ["Note"],
      rows: [
        ['She said "no"'],
        ["Preston, Lancashire"],
        ["Leeds; Bradford"],
        ["line one\nline two"],
        ["a\r\nb"],
        ["tab\tinside"],
      ],
    });
    expect(dataLines(csv).slice(0, 3)).toEqual([
      '"She said ""no"""',
      '"Preston, Lancashire"',
      '"Leeds; Bradford"',
    ]);
    expect(csv).toContain('"line one\nline two"\r\n');
    expect(csv).toContain('"a\r\nb"\r\n');
    expect(csv).toContain('"tab\tinside"\r\n');
  });

  test("writes numbers as numbers, dates as ISO text, booleans as Yes/No and nothing as empty", () => {
    const csv = writeCsv({
      header: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
      rows: [
        [
          -1502.49,
          0,
          new Date("2014-04-01T00:00:00Z"),
          new Date("2022-04-05T09:30:15.250Z"),
          true,
          false,
          null,
          undefined,
          Number.NaN,
        ],
        [Number.POSITIVE_INFINITY, new Date("not a date"), "", "\u0000", "x", "y", "z", "w", "v"],
      ],
    });
    expect(dataLines(csv)).toEqual([
      "-1502.49,0,2014-04-01T00:00:00Z,2022-04-05T09:30:15Z,Yes,No,,,",
      ",,,,x,y,z,w,v",
    ]);
  });

  test("neutralises text a spreadsheet would run as a formula, but not plain negative numbers", () => {
    const csv = writeCsv({
      header: ["value"],
      rows: [
        ["=cmd|' /C calc'!A0"],
        ["+44 1772 000000"],
        ["-2+3"],
        ["@SUM(A1:A2)"],
        ["\tindent"],
        ["\r=hidden"],
        ["\u0001=smuggled"],
        ["-455,447"],
        ["-12.50"],
        [-30217],
        ["a=b"],
      ],
    });
    expect(dataLines(csv)).toEqual([
      "'=cmd|' /C calc'!A0",
      "'+44 1772 000000",
      "'-2+3",
      "'@SUM(A1:A2)",
      '"\'\tindent"',
      '"\'\r=hidden"',
      "'=smuggled",
      '"-455,447"',
      "-12.50",
      "-30217",
      "a=b",
    ]);
  });

  test("neutralises full-width formula starters, a leading ; or | and starters behind spaces", () => {
    const csv = writeCsv({
      header: ["value"],
      rows: [["＝1+1"], ["＋1"], ["－1"], ["＠SUM(A1)"], [";=1+1"], ["|calc"], ["  =1+1"]],
    });
    expect(dataLines(csv)).toEqual([
      "'＝1+1",
      "'＋1",
      "'－1",
      "'＠SUM(A1)",
      '"\';=1+1"',
      "'|calc",
      "'  =1+1",
    ]);
  });

  test("an empty table is just the header", () => {
    expect(writeCsv({ header: ["Only"], rows: [] })).toBe(`${BOM}Only\r\n`);
  });

  test("whatever a text cell holds, read back it never starts a formula nor splits into cells", () => {
    const starter = /^[=+\-@;|\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;
    const piece = fc.constantFrom("=", "+", "-", "@", ";", "|", "＝", "＋", "－", "＠", ",", '"');
    const text = fc
      .array(fc.oneof(piece, fc.constantFrom(" ", "\t", "\r", "\n", "\u0001", "1", "a")), {
        maxLength: 12,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (cells) => {
        const records: (readonly string[])[] = [];
        readCsvRecords(writeCsv({ header: cells.map(() => "h"), rows: [cells] }), (record) => {
          records.push(record.cells);
          return true;
        });
        const read = records[1] ?? cells.map(() => "");
        expect(read).toHaveLength(cells.length);
        for (const cell of read) {
          if (/^-(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(cell)) continue;
          expect(cell).not.toMatch(starter);
        }
      }),
    );
  });
});

describe("toCell and neutraliseFormula", () => {
  test("the XLSX writer's cells follow the same rule", () => {
    expect(toCell("=1+1")).toEqual({ kind: "text", text: "'=1+1" });
    expect(toCell(12.5)).toEqual({ kind: "number", value: 12.5 });
    expect(neutraliseFormula("-12.50")).toBe("-12.50");
    expect(neutraliseFormula("Plain text")).toBe("Plain text");
  });
});
