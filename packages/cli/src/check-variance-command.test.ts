import { expect, test } from "vitest";

import { EXIT_CODES } from "./exit-codes";
import { run } from "./run";
import { example, memoryIo } from "./testing/memory-io";

async function check(argv: string[], files: Record<string, string> = {}) {
  const memory = memoryIo({
    "lancashire.csv": example("lancashire-year-1-variance.csv"),
    ...files,
  });
  const code = await run(["check-variance", ...argv], memory.io);
  return { code, ...memory };
}

const HEADER = "Area,Allocation,Forecast,Variance";
const COLUMN_HINT =
  "The columns are found by name: allocation (or budget), forecast (or spend, outturn, actual), optionally variance and %, and one that names the row.";

test("Lancashire's Year 1 table: exit code 1, each wrong row and total with its line", async () => {
  const { code, stdout, stderr } = await check(["lancashire.csv"]);
  expect(code).toBe(EXIT_CODES.problemsFound);
  expect(stderr()).toBe("");
  expect(stdout()).toBe(
    [
      "lancashire.csv: 5 figures do not add up (3 rows, 2 totals):",
      "  line 2: Work force and coordination: published variance £30,217 but allocation − forecast = £37,564 (difference £7,347)",
      "  line 4: Medium & High Risk Support: published variance £212,035 but allocation − forecast = £212,103 (difference £68)",
      "  line 5: Perpetrators: published variance £137,724 but allocation − forecast = £137,734 (difference £10)",
      "  line 6: Totals: published forecast £1,047,003 but the rows add up to £1,047,002 (difference £1)",
      "  line 6: Totals: published variance £455,447 matches neither total allocation − total forecast = £455,546 (difference £99) nor the variance column's sum, £448,121",
      "",
    ].join("\n"),
  );
});

test("--json gives the recomputed rows, totals and discrepancies", async () => {
  const { code, stdout } = await check(["lancashire.csv", "--json"]);
  expect(code).toBe(EXIT_CODES.problemsFound);
  const result = JSON.parse(stdout()) as { totals: object; discrepancies: unknown[] };
  expect(result.totals).toEqual({
    allocationPence: 150_254_800,
    forecastPence: 104_700_200,
    variancePence: 45_554_600,
  });
  expect(result.discrepancies).toHaveLength(5);
});

test("a table that adds up: exit code 0", async () => {
  const csv = `${HEADER}\r\nA,£300,£100,£200\r\nB,1500,"1,000",500\r\nTotal,"£1,800","£1,100",£700\r\n`;
  const { code, stdout } = await check(["good.csv"], { "good.csv": csv });
  expect(code).toBe(EXIT_CODES.ok);
  expect(stdout()).toBe("good.csv: all 2 rows and the totals add up.\n");
});

test("variances and a totals row are optional; a label or key column may sit anywhere", async () => {
  const csv = "Forecast,Allocation,Label,Notes\n100,300,A,first\n\n,,,\n";
  const { code, stdout } = await check(["bare.csv"], { "bare.csv": csv });
  expect(code).toBe(EXIT_CODES.ok);
  expect(stdout()).toBe("bare.csv: all 1 row (there is no totals row) add up.\n");
});

test("one wrong figure is reported in the singular", async () => {
  const csv = `${HEADER}\nA,300,100,250\n`;
  const { code, stdout } = await check(["one.csv"], { "one.csv": csv });
  expect(code).toBe(EXIT_CODES.problemsFound);
  expect(stdout()).toMatch(
    /^one\.csv: 1 figure does not add up \(1 row, 0 totals\):\n {2}line 2: A: /,
  );
});

test.each([
  ["", "cols.csv is empty: it needs a header row and rows."],
  [`${HEADER}\n`, "cols.csv has a header row but no rows, so there is nothing to check."],
  [
    `${HEADER}\nGrand total,1,1,0\n`,
    "cols.csv has only a totals row, so there is nothing to check it against.",
  ],
  [
    "Area,Cost,Notes\nA,1,2\n",
    `cols.csv line 1 (the header): there is no allocation column; there is no forecast column. ${COLUMN_HINT} The header is: Area, Cost, Notes.`,
  ],
  [
    "Area,Allocation,Forecast,Allocation (revised)\n",
    `cols.csv line 1 (the header): 2 columns could be the allocation ("Allocation", "Allocation (revised)"); keep one. ${COLUMN_HINT}`,
  ],
  [
    "Allocation,Forecast\n1,2\n",
    "cols.csv line 1 (the header): there is no column that names each row.",
  ],
  [
    "Area;Budget;Spend\nA;1;2\n",
    'cols.csv looks separated by semicolons (as Excel saves "CSV" where the decimal mark is a comma); save it as "CSV UTF-8 (Comma delimited)", which separates values with commas.',
  ],
  [
    `${HEADER}\nA,£3x,1,\n`,
    "cols.csv cannot be checked (1 problem):\ncols.csv line 2, Allocation: ",
  ],
  [
    "Forecast,Allocation,Label\n100,300\n",
    'cols.csv cannot be checked (1 problem):\ncols.csv line 2: the row has no label in "Label".',
  ],
  [
    `${HEADER}\nTotals,1,1,0\nTotal,2,2,0\n`,
    'cols.csv cannot be checked (1 problem):\ncols.csv line 3: "Total" is already on line 2; each row needs its own label.',
  ],
  [
    `${HEADER}\n"A,1,1,0\n`,
    'cols.csv line 2 is not valid CSV: a quoted value is not closed: check for a missing double quote (").',
  ],
])("an unusable table is exit code 3: %j", async (csv, message) => {
  const { code, stderr, stdout } = await check(["cols.csv"], { "cols.csv": csv });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr().startsWith(`dapkit: ${message}`)).toBe(true);
  expect(stdout()).toBe("");
});

test.each([
  [[], "dapkit check-variance needs a CSV file."],
  [["lancashire.csv", "--csv", "x"], "Unknown option '--csv'."],
])("%j is a usage error", async (argv, message) => {
  const { code, stderr } = await check(argv);
  expect(code).toBe(EXIT_CODES.usage);
  expect(stderr()).toBe(
    `dapkit: ${message}\nRun \`dapkit check-variance --help\` for how to use it.\n`,
  );
});

test("every problem in the rows is reported at once, each with its line", async () => {
  const csv = `${HEADER}\nA,£3x,1,\n,1,1,0\nB,1\nC,1,1,0\nC,2,2,(-1)\n`;
  const { code, stderr } = await check(["rows.csv"], { "rows.csv": csv });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toBe(
    [
      "dapkit: rows.csv cannot be checked (5 problems):",
      'rows.csv line 2, Allocation: Cannot read "£3x" as an amount of money: expected an amount such as £1,502,449, £75,122.45, £0.730m, £4,373k or 1502449.00',
      'rows.csv line 3: the row has no label in "Area".',
      'rows.csv line 4: "B" needs both an allocation and a forecast.',
      'rows.csv line 6, Variance: "(-1)" is negative twice: brackets already mean a negative amount',
      'rows.csv line 6: "C" is already on line 5; each row needs its own label.',
      "",
    ].join("\n"),
  );
});

test.each(["Grand total", "GRAND TOTAL", "Totals", "Total budget", "Total:", "Overall total"])(
  "a wrong totals row labelled %j is checked, not passed over",
  async (label) => {
    const csv = `${HEADER}\nA,300,100,200\n${label},300,100,250\n`;
    const { code, stdout } = await check(["t.csv"], { "t.csv": csv });
    expect(code).toBe(EXIT_CODES.problemsFound);
    expect(stdout()).toContain(
      "line 3: Totals: published variance £250 but total allocation − total forecast = £200",
    );
  },
);

test("--total-label names another totals row; without it that row is an ordinary row", async () => {
  const csv = `${HEADER}\nA,300,100,200\nSumme,300,100,250\n`;
  const named = await check(["t.csv", "--total-label", "summe"], { "t.csv": csv });
  expect(named.code).toBe(EXIT_CODES.problemsFound);
  expect(named.stdout()).toContain("(0 rows, 1 total)");
  const unnamed = await check(["t.csv"], { "t.csv": csv });
  expect(unnamed.stdout()).toContain("(1 row, 0 totals)");
});

test("the usual column names and accountants' bracketed negatives are read", async () => {
  const csv = [
    "Service,Budget,Outturn,Variance",
    'Refuge,"£100,000","£112,500","(£12,500)"',
    'IDVA,"50,000","45,000","5,000"',
    'Total,"150,000","157,500","(7,500)"',
    "",
  ].join("\n");
  const { code, stdout } = await check(["t.csv"], { "t.csv": csv });
  expect(stdout()).toBe("t.csv: all 2 rows and the totals add up.\n");
  expect(code).toBe(EXIT_CODES.ok);
  for (const [budget, spend] of [
    ["Allocation", "Spend"],
    ["Budget", "Actual"],
    ["Allocation (£)", "Forecast (£)"],
  ]) {
    const table = `Area,${String(budget)},${String(spend)}\nA,3,1\n`;
    expect((await check(["c.csv"], { "c.csv": table })).code).toBe(EXIT_CODES.ok);
  }
});

test("a % column is checked too: an allocation that is not its share of the total", async () => {
  const { code, stdout } = await check(["split.csv"], {
    "split.csv":
      "Work stream,%,Allocation,Spend\nWorkforce,5%,75122,75122\nEarly Support,17%,265416,255416\n" +
      "Medium and High Risk,68%,1021665,1021665\nPerpetrators,10%,150245,150245\nTotals,100%,1512448,1502448\n",
  });
  expect(code).toBe(EXIT_CODES.problemsFound);
  expect(stdout()).toBe(
    [
      "split.csv: 1 figure does not add up (1 row, 0 totals):",
      "  line 3: Early Support: published allocation £265,416 but 17% of £1,502,448 (the total the other rows imply) is £255,416",
      "",
    ].join("\n"),
  );
});

test("a CSV saved by Excel, with a byte order mark before the header, is read as any other", async () => {
  const text = "Area,Allocation,Forecast,Variance\nA,100,40,60\nTotals,100,40,60\n";
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const { code, stdout } = await check(["excel.csv"], { "excel.csv": bytes as never });
  expect(code).toBe(EXIT_CODES.ok);
  expect(stdout()).toBe("excel.csv: all 1 row and the totals add up.\n");
});
