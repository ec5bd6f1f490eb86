import { expect, test } from "vitest";

import {
  CsvReadError,
  MAX_VALUES_PER_RECORD,
  readCsvRecords,
  type CsvRecord,
} from "./read-records";

function records(text: string): CsvRecord[] {
  const read: CsvRecord[] = [];
  readCsvRecords(text, (record) => read.push(record) > 0);
  return read;
}

function failure(text: string): { line: number; message: string } | undefined {
  try {
    readCsvRecords(text, () => true);
  } catch (error) {
    if (error instanceof CsvReadError) return { line: error.line, message: error.message };
    throw error;
  }
  return undefined;
}

test("reads quoted cells with commas, doubled quotes and line breaks, keeping each record's line", () => {
  const text = 'a,"b, c","say ""hi"""\r\n"two\nlines",x,\r\nlast , row ';
  expect(records(text)).toEqual([
    { line: 1, cells: ["a", "b, c", 'say "hi"'] },
    { line: 2, cells: ["two\nlines", "x", ""] },
    { line: 4, cells: ["last", "row"] },
  ]);
});

test("counts a line break inside a value as one line whether it is CRLF, LF or CR", () => {
  const text = 'h\r\n\r\n\r\nx,"a\r\nb\r\nc"\r\n\r\ny\r\n"p\rq",z\nw';
  expect(records(text).map((record) => record.line)).toEqual([1, 4, 8, 9, 11]);
});

test("skips empty lines and lines of separators and spaces; lone CR ends a line too", () => {
  expect(records("a,b\r\r , \rc,d\n")).toEqual([
    { line: 1, cells: ["a", "b"] },
    { line: 4, cells: ["c", "d"] },
  ]);
  expect(records("")).toEqual([]);
  expect(records("a,")).toEqual([{ line: 1, cells: ["a", ""] }]);
});

test("stops when the visitor has read enough", () => {
  const seen: number[] = [];
  const whole = readCsvRecords("a\nb\nc\n", (record) => seen.push(record.line) < 2);
  expect(whole).toBe(false);
  expect(seen).toEqual([1, 2]);
  expect(readCsvRecords("a\nb\n", () => true)).toBe(true);
});

test("broken quoting is refused at the line of the record it spoils", () => {
  expect(failure('a\n\n\n"never closed\n\n')).toEqual({
    line: 4,
    message: 'A quoted value is not closed: check for a missing double quote (")',
  });
  expect(failure('a\r\n"x\r\ny",b\r\nc,d"e')).toEqual({
    line: 4,
    message: 'A double quote (") appears inside a value that is not quoted',
  });
  expect(failure('a\n"x"y')).toEqual({
    line: 2,
    message: "A quoted value has text straight after its closing double quote",
  });
  expect(failure('a\n"x" ,y\n"z"  w')?.line).toBe(3);
});

test("a record with more values than any table has is refused before it is built", () => {
  const most = ",".repeat(MAX_VALUES_PER_RECORD - 1);
  expect(records(`h\n${most}x`)).toHaveLength(2);
  // Commas inside quotes are text, not separators, and quoted line breaks do not end a record.
  expect(records(`h\n"${",".repeat(5_000)}"\n"a""b"`)).toHaveLength(3);
  expect(failure(`h\n"a\nb",${",".repeat(5_000_000)}`)).toEqual({
    line: 2,
    message:
      "This line has more than 1,000 values; check that it is a CSV file with one record a line",
  });
  expect(failure(`h\r\nx\r${most},,`)?.line).toBe(3);
});

test("errors from the visitor pass through", () => {
  expect(() =>
    readCsvRecords("a\n", () => {
      throw new RangeError("visitor");
    }),
  ).toThrow(RangeError);
});
