import { describe, expect, test } from "vitest";

import { writeCsv } from "./write-csv";

const BOM = "\uFEFF";

describe("writeCsv", () => {
  test("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    const csv = writeCsv({ header: ["Name", "Team"], rows: [["Aled Jones", "Housing"]] });
    expect(csv).toBe(`${BOM}Name,Team\r\nAled Jones,Housing\r\n`);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test("quotes fields holding quotes, commas or line breaks, doubling the quotes", () => {
    const csv = writeCsv({
      header: ["Note"],
      rows: [['She said "no"'], ["Preston, Lancashire"], ["line one\nline two"], ["a\r\nb"]],
    });
    expect(csv.split("\r\n").slice(1, 3)).toEqual(['"She said ""no"""', '"Preston, Lancashire"']);
    expect(csv).toContain('"line one\nline two"\r\n');
    expect(csv).toContain('"a\r\nb"\r\n');
  });

  test("writes numbers as numbers, dates as ISO text, booleans as Yes/No and nothing as empty", () => {
    const csv = writeCsv({
      header: ["a", "b", "c", "d", "e", "f", "g", "h"],
      rows: [
        [
          -1502.49,
          0,
          new Date("2014-04-01T00:00:00Z"),
          new Date("2022-04-05T09:30:15.250Z"),
          true,
          null,
          undefined,
          Number.NaN,
        ],
      ],
    });
    expect(csv.split("\r\n")[1]).toBe(
      "-1502.49,0,2014-04-01T00:00:00Z,2022-04-05T09:30:15Z,Yes,,,",
    );
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
    expect(csv.split("\r\n").slice(1, -1)).toEqual([
      "'=cmd|' /C calc'!A0",
      "'+44 1772 000000",
      "'-2+3",
      "'@SUM(A1:A2)",
      "'\tindent",
      '"\'\r=hidden"',
      "'=smuggled",
      '"-455,447"',
      "-12.50",
      "-30217",
      "a=b",
    ]);
  });

  test("an empty table is just the header", () => {
    expect(writeCsv({ header: ["Only"], rows: [] })).toBe(`${BOM}Only\r\n`);
  });
});
