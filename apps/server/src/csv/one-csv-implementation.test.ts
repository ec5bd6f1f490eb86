import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import { expect, test } from "vitest";

// @dapkit/csv holds the one CSV writer, formula rule and reader. This fails if a copy of any of
// them comes back in a surface: the server, the web app or the command line.

const ROOT = join(import.meta.dirname, "../../../..");
const SURFACES = ["apps/server/src", "apps/web/src", "packages/cli/src"];

const COPIES: [RegExp, string][] = [
  [/from "csv-parse/, "reads CSV with csv-parse itself"],
  [/\^\[=\+|\^\(\?:\[\\t\\r\]\|/, "has its own formula-injection rule"],
  [/replace(All)?\(\s*(\/"\/g|'"'|"\\"")\s*,\s*'""'\s*\)/, "quotes CSV values itself"],
];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => join(ROOT, folder, name));
}

test("no surface writes, neutralises or reads CSV itself", () => {
  const found = SURFACES.flatMap(sourceFiles).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return COPIES.filter(([pattern]) => pattern.test(text)).map(
      ([, what]) => `${relative(ROOT, file)} ${what}`,
    );
  });
  expect(found).toEqual([]);
});

test("the check recognises each kind of copy", () => {
  const copies = [
    'import { parse } from "csv-parse/sync";',
    "const FORMULA_START = /^[=+\\-@\\t\\r]/;",
    'text.replace(/"/g, \'""\')',
    "text.replaceAll('\"', '\"\"')",
  ];
  for (const copy of copies) {
    expect(
      COPIES.some(([pattern]) => pattern.test(copy)),
      copy,
    ).toBe(true);
  }
});
