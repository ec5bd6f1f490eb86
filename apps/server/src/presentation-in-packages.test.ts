import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import { expect, test } from "vitest";

// Formatting, London time, the words for statuses and the state machines live in the @dapkit/*
// packages (issue 11). ESLint's rule block for apps/** refuses the usual ways a copy comes back;
// this scan also covers what a lint selector cannot see well: a state machine re-encoded as a
// switch over states, and a label map written as plain text.
const APPS = join(import.meta.dirname, "..", "..");
const SOURCES = ["server/src", "web/src"];

function sourceFiles(): string[] {
  return SOURCES.flatMap((folder) =>
    readdirSync(join(APPS, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
      .filter((name) => !name.startsWith("test/"))
      .map((name) => join(APPS, folder, name)),
  );
}

const COPIES: readonly [RegExp, string][] = [
  [/Intl\.(DateTimeFormat|NumberFormat)\(/, "a date or number format (use @dapkit/schemas)"],
  [/toLocale(Date|Time)?String\(/, "a locale format (use @dapkit/schemas)"],
  [/["']Europe\/London["']/, "London time (use @dapkit/schemas)"],
  [
    /case ["'](waitlisted|fully_attended|in_review|due_soon)["']:/,
    "a switch over states (use the package's state machine or words)",
  ],
  [
    /\b(fully_attended|unable_to_attend|in_review|champions_list|not_started|due_soon)\s*:\s*["'][A-Z]/,
    "a hand-written label map (use the package's *_LABELS)",
  ],
  [/Math\.round\([^)]*\*\s*1000\)\s*\/\s*10\b/, "a hand-rounded rate (use formatRate/ratePercent)"],
];

test("the apps define no presentation or state logic that a package owns", () => {
  const files = sourceFiles();
  // Both apps are read (a wrong path would find nothing and pass).
  expect(files.filter((file) => file.endsWith(".tsx")).length).toBeGreaterThan(20);
  expect(files.filter((file) => file.includes("exports")).length).toBeGreaterThan(5);
  const found = files.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return COPIES.filter(([pattern]) => pattern.test(text)).map(
      ([, what]) => `${relative(APPS, file)}: ${what}`,
    );
  });
  expect(found).toEqual([]);
});

test("the scan finds each kind of copy it looks for", () => {
  const samples = [
    'new Intl.DateTimeFormat("en-GB", {})',
    "when.toLocaleDateString()",
    'timeZone: "Europe/London"',
    'case "waitlisted":',
    'const WORDS = { in_review: "In review" };',
    "Math.round(rate * 1000) / 10",
  ];
  expect(
    samples.map((sample) => COPIES.filter(([pattern]) => pattern.test(sample)).length),
  ).toEqual([1, 1, 1, 1, 1, 1]);
});
