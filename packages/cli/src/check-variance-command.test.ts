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
      "  line 6: Totals: published variance £455,447 but total allocation − total forecast = £455,546 (difference £99)",
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
  expect(stdout()).toBe("bare.csv: all 1 row (there is no Totals row) add up.\n");
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
  ["", "cols.csv is empty."],
  [
    "Area,Budget,Spend\nA,1,2\n",
    "cols.csv needs a header row with an allocation column and a forecast column (and optionally a variance column); its first row is: Area, Budget, Spend.",
  ],
  [
    "Area,Allocation,Forecast,Allocation (revised)\n",
    'cols.csv has 2 columns that could be the allocation ("Allocation", "Allocation (revised)"); keep one.',
  ],
  ["Allocation,Forecast\n1,2\n", "cols.csv needs a column that names each row."],
  [`${HEADER}\nA,£3x,1,\n`, "cols.csv line 2, Allocation: "],
  [`${HEADER}\n,1,1,0\n`, 'cols.csv line 2: the row has no label in "Area".'],
  ["Forecast,Allocation,Label\n100,300\n", 'cols.csv line 2: the row has no label in "Label".'],
  [`${HEADER}\nA,1\n`, 'cols.csv line 2: "A" needs both an allocation and a forecast.'],
  [
    `${HEADER}\nA,1,1,0\nA,2,2,0\n`,
    'cols.csv line 3: "A" is already on line 2; each row needs its own label.',
  ],
  [
    `${HEADER}\nTotals,1,1,0\nTotal,2,2,0\n`,
    'cols.csv line 3: "Total" is already on line 2; each row needs its own label.',
  ],
  [`${HEADER}\nA,,1,0\n`, 'cols.csv line 2: "A" needs both an allocation and a forecast.'],
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
