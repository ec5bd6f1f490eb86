import { expect, test } from "vitest";

import { inputError } from "./cli-errors";
import { readCsv } from "./read-csv";

test("reads quoted cells with commas, doubled quotes and line breaks, keeping each record's line", () => {
  const text = 'a,"b, c","say ""hi"""\r\n"two\nlines",x,\r\n\r\nlast,row';
  expect(readCsv("t.csv", text)).toEqual([
    { line: 1, cells: ["a", "b, c", 'say "hi"'] },
    { line: 2, cells: ["two\nlines", "x", ""] },
    { line: 5, cells: ["last", "row"] },
  ]);
});

test("a file ending in a line break has no empty last record; lone CR ends a line too", () => {
  expect(readCsv("t.csv", "a,b\rc,d\n")).toEqual([
    { line: 1, cells: ["a", "b"] },
    { line: 2, cells: ["c", "d"] },
  ]);
  expect(readCsv("t.csv", "")).toEqual([]);
  expect(readCsv("t.csv", "a,")).toEqual([{ line: 1, cells: ["a", ""] }]);
});

test("a quote inside an unquoted cell is refused with the file and line", () => {
  expect(() => readCsv("t.csv", 'x\na"b,c')).toThrow(
    inputError(
      't.csv line 2 is not valid CSV: a double quote (") appears inside a value that is not quoted.',
    ),
  );
});
