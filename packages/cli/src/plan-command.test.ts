import { expect, test, vi } from "vitest";
import { parse } from "yaml";

import type * as funding from "@dapkit/funding";
import { planFunding } from "@dapkit/funding";

import { EXIT_CODES } from "./exit-codes";
import { run } from "./run";
import { example, fsError, memoryIo } from "./testing/memory-io";

const LANCASHIRE = "lancashire.yaml";
const OXFORDSHIRE = "oxfordshire.json";
const files = {
  [LANCASHIRE]: example("lancashire-joint-commission.yaml"),
  [OXFORDSHIRE]: example("oxfordshire-gap.json"),
};

async function plan(argv: string[], extraFiles: Record<string, string | Uint8Array | Error> = {}) {
  const memory = memoryIo({ ...files, ...extraFiles });
  const code = await run(["plan", ...argv], memory.io);
  return { code, ...memory };
}

test("prints Lancashire's funding table and workstream allocation", async () => {
  const { code, stdout, stderr } = await plan([LANCASHIRE]);
  expect(code).toBe(EXIT_CODES.ok);
  expect(stderr()).toBe("");
  const text = stdout();
  expect(text).toContain(
    "Lancashire Joint Commission of Specialist Domestic Abuse Services\n3 financial years: 2013/14, 2014/15, 2015/16",
  );
  expect(text).toContain(
    [
      "                          2013/14     2014/15     2015/16       Total",
      "---------------------  ----------  ----------  ----------  ----------",
      "Cost                   £1,047,003  £1,502,449  £1,502,449  £4,051,901",
      "Partner contributions  £1,502,548  £1,181,449    £638,449  £3,322,446",
      "Grants                         £0          £0          £0          £0",
      "Reserve drawdowns              £0    £321,000    £409,000    £730,000",
      "Money in               £1,502,548  £1,502,449  £1,047,449  £4,052,446",
      "Carried in                     £0          £0    £455,000    £455,000",
      "Carried out              £455,000          £0          £0    £455,000",
      "Gap                         -£545          £0          £0       -£545",
    ].join("\n"),
  );
  expect(text).toContain("Workstream allocation");
  expect(text).toContain(
    "Medium and High Risk Support (68 %)  £711,962  £1,021,665  £1,021,665  £2,755,292",
  );
});

test("prints Oxfordshire's £135,000 gap and no workstream table when there are no workstreams", async () => {
  const { code, stdout } = await plan([OXFORDSHIRE]);
  expect(code).toBe(EXIT_CODES.ok);
  expect(stdout()).toContain("1 financial year: 2017/18");
  expect(stdout()).toContain("\nGap                    £135,000  £135,000\n");
  expect(stdout()).not.toContain("Workstream allocation");
});

test("--json prints the computed plan in pence", async () => {
  const { code, stdout } = await plan([LANCASHIRE, "--json"]);
  expect(code).toBe(EXIT_CODES.ok);
  expect(JSON.parse(stdout())).toEqual(planFunding(parse(files[LANCASHIRE])));
});

test("--csv writes an Excel-friendly CSV: byte-order mark, CRLF, FY headings, pounds to the penny", async () => {
  const { code, written, stdout, stderr } = await plan([LANCASHIRE, "--csv", "out.csv"]);
  expect(code).toBe(EXIT_CODES.ok);
  expect(stdout()).toContain("Funding by financial year");
  expect(stderr()).toBe("Wrote out.csv\n");
  const bytes = written.get("out.csv") ?? new Uint8Array();
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes).split("\r\n");
  expect(lines.slice(0, 3)).toEqual([
    "Section,Item,FY 2013/14,FY 2014/15,FY 2015/16,Total",
    "Funding,Cost,1047003.00,1502449.00,1502449.00,4051901.00",
    "Funding,Partner contributions,1502548.00,1181449.00,638449.00,3322446.00",
  ]);
  expect(lines).toContain("Funding,Gap,-545.00,0.00,0.00,-545.00");
  expect(lines).toContain(
    "Workstream,Workforce and Co-ordination (5 %),52350.15,75122.45,75122.45,202595.05",
  );
  expect(lines).toContain(
    "Partner,Statutory partners (Appendix B),1502548.00,1181449.00,638449.00,3322446.00",
  );
  expect(lines).toContain("Reserve,Crime and Disorder reserve,0.00,321000.00,409000.00,730000.00");
  expect(lines.at(-1)).toBe("");
});

test("--csv quotes cells with commas and keeps a name from running as a formula in Excel", async () => {
  const risky = JSON.stringify({
    name: "=HYPERLINK(1)",
    financialYears: ["2017/18"],
    partners: [
      { key: "p", name: "Police, Fire and Crime" },
      { key: "q", name: '@"quoted"' },
    ],
  });
  const { code, written } = await plan(["risky.json", "--json", "--csv", "risky.csv"], {
    "risky.json": risky,
  });
  expect(code).toBe(EXIT_CODES.ok);
  const text = new TextDecoder().decode(written.get("risky.csv"));
  expect(text).toContain('Partner,"Police, Fire and Crime",0.00,0.00\r\n');
  expect(text).toContain(`Partner,"'@""quoted""",0.00,0.00\r\n`);
});

test.each([
  ["missing.yaml", fsError("ENOENT"), "Cannot read missing.yaml: there is no such file or folder."],
  ["folder.yaml", fsError("EISDIR"), "Cannot read folder.yaml: it is a folder, not a file."],
  ["locked.yaml", fsError("EACCES"), "Cannot read locked.yaml: you do not have permission."],
  ["odd.yaml", fsError("EIO"), "Cannot read odd.yaml: error EIO."],
  ["odder.yaml", new Error("disk on fire"), "Cannot read odder.yaml: Error: disk on fire."],
  [
    "latin1.yaml",
    new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xa3]),
    "Cannot read latin1.yaml: it is not UTF-8 text. Save it as UTF-8 and try again.",
  ],
])("%s: an unreadable file is exit code 3 with the reason", async (path, file, message) => {
  const { code, stderr, stdout } = await plan([path], { [path]: file });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toBe(`dapkit: ${message}\n`);
  expect(stdout()).toBe("");
});

test.each([
  ['{\n  "name": "x",\n}\n', "bad.json:3:1: not valid JSON: Expected double-quoted property name."],
  ['{\n  "name": "x"', "bad.json:2:14: not valid JSON: Expected ',' or '}' after property value."],
  ["", "bad.json:1:1: not valid JSON: Unexpected end of JSON input."],
])("invalid JSON is reported as file:line:column", async (text, message) => {
  const { code, stderr } = await plan(["bad.json"], { "bad.json": text });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toBe(`dapkit: ${message}\n`);
});

test("invalid YAML is reported with its line and column", async () => {
  const { code, stderr } = await plan(["bad.yml"], {
    "bad.yml": "name: x\nfinancialYears: [2013/14\n",
  });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toMatch(/^dapkit: bad\.yml:3:1: not valid YAML: [^\n]+\n$/);
});

test("a plan that breaks the schema lists every problem with its path, reason and line", async () => {
  const text = [
    "name: Broken plan",
    "financialYears: [2013/14, 2015/16]",
    "workstream:",
    "  - { key: a, name: A, percent: 120 }",
    "costs:",
    "  - { financialYear: 2013/14, amountPence: -5 }",
    "",
  ].join("\n");
  const { code, stderr, stdout } = await plan(["broken.yaml"], { "broken.yaml": text });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stdout()).toBe("");
  expect(stderr()).toBe(
    [
      "dapkit: broken.yaml is not a valid funding plan (3 problems):",
      "broken.yaml:2:27: financialYears.1: must follow 2013/14 without a gap (expected consecutive years in order)",
      "broken.yaml:3:1: workstream: is not a field of a funding plan",
      "broken.yaml:6:31: costs.0.amountPence: must not be negative",
      "The fields of a funding plan are: name, financialYears, partners, workstreams, costs, contributions, grants, reserveDrawdowns, carryForwards, workstreamCosts.",
      "",
    ].join("\n"),
  );
});

test("a single problem is reported in the singular, without the list of fields", async () => {
  const text = files[OXFORDSHIRE].replace("33500000", "-1");
  const { code, stderr } = await plan(["one.json"], { "one.json": text });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toBe(
    "dapkit: one.json is not a valid funding plan (1 problem):\none.json:5:43: costs.0.amountPence: must not be negative\n",
  );
});

test("a missing field points at the object it belongs in", async () => {
  const text =
    '{\n  "financialYears": ["2017/18"],\n  "costs": [{ "financialYear": "2017/18" }]\n}';
  const { stderr } = await plan(["short.json"], { "short.json": text });
  expect(stderr()).toBe(
    [
      "dapkit: short.json is not a valid funding plan (2 problems):",
      "short.json:1:1: name: is required",
      "short.json:3:13: costs.0.amountPence: is required",
      "",
    ].join("\n"),
  );
});

test.each([["[]"], ["42"], ["null"]])(
  "a file that is not one plan (%s) is refused",
  async (text) => {
    const { code, stderr } = await plan(["list.json"], { "list.json": text });
    expect(code).toBe(EXIT_CODES.invalidInput);
    expect(stderr()).toBe(
      "dapkit: list.json is not a valid funding plan: it must hold one plan, with fields such as name and financialYears.\n",
    );
  },
);

test("a plan whose sums overflow is refused as input, not a crash", async () => {
  const big = Number.MAX_SAFE_INTEGER;
  const text = JSON.stringify({
    name: "Too big",
    financialYears: ["2017/18", "2018/19"],
    costs: [
      { financialYear: "2017/18", amountPence: big },
      { financialYear: "2018/19", amountPence: big },
    ],
  });
  const { code, stderr } = await plan(["big.json"], { "big.json": text });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toMatch(/^dapkit: big\.json: The total cost/);
});

test.each([
  [[], "dapkit plan needs a funding plan file (.json, .yaml or .yml)."],
  [["a.yaml", "b.yaml"], "dapkit plan takes one file, but was given 2: a.yaml, b.yaml."],
  [[LANCASHIRE, "--frob"], "Unknown option '--frob'."],
  [[LANCASHIRE, "--csv"], "Option '--csv <value>' argument missing"],
])("%j is a usage error pointing at the command's help", async (argv, message) => {
  const { code, stderr } = await plan(argv);
  expect(code).toBe(EXIT_CODES.usage);
  expect(stderr()).toBe(`dapkit: ${message}\nRun \`dapkit plan --help\` for how to use it.\n`);
});

test("an output file that cannot be written is a usage error, and nothing is printed", async () => {
  const { code, stderr, stdout } = await plan([LANCASHIRE, "--csv", "nope/out.csv"], {
    "nope/out.csv": fsError("ENOENT"),
  });
  expect(code).toBe(EXIT_CODES.usage);
  expect(stderr()).toBe("dapkit: Cannot write nope/out.csv: there is no such file or folder.\n");
  expect(stdout()).toBe("");
});

test("an error from the maths that is not about the input is not disguised as one", async () => {
  vi.resetModules();
  vi.doMock("@dapkit/funding", async (original) => ({
    ...(await original<typeof funding>()),
    planFunding: () => {
      throw new TypeError("a bug");
    },
  }));
  const { run: runFresh } = await import("./run");
  const { io } = memoryIo(files);
  await expect(runFresh(["plan", OXFORDSHIRE], io)).rejects.toThrow("a bug");
  vi.doUnmock("@dapkit/funding");
});

test("amounts may be written as money and years in any spelling parseFinancialYear reads", async () => {
  const text = [
    "name: Oxfordshire as typed from the paper",
    "financialYears: [2017-18, 2018/2019]",
    "partners: [{ key: occ, name: Oxfordshire County Council }]",
    "costs:",
    '  - { financialYear: "2017\u201318", amountPence: "£335,000" }',
    '  - { financialYear: 2018-19, amountPence: "£0.335m" }',
    "contributions:",
    '  - { partner: occ, financialYear: 2017/2018, amountPence: "£200,000.00" }',
    "",
  ].join("\n");
  const { code, stdout, stderr } = await plan(["typed.yaml", "--json"], { "typed.yaml": text });
  expect(stderr()).toBe("");
  expect(code).toBe(EXIT_CODES.ok);
  const result = JSON.parse(stdout()) as funding.FundingPlanResult;
  expect(result.years.map((year) => [year.financialYear, year.gapPence])).toEqual([
    ["2017/18", 13_500_000],
    ["2018/19", 33_500_000],
  ]);
});

test("money that cannot be read, and a misspelt field at any depth, are each named at their place", async () => {
  const text = [
    "name: Typo",
    "financialYears: [2017/18]",
    "costs:",
    '  - { financialYear: 2017/18, amountPence: "£1,50" }',
    "reserveDrawdown:",
    "  - { reserve: R, financialYear: 2017/18, amountPence: 1, amountPounds: 1 }",
    "",
  ].join("\n");
  const { code, stderr } = await plan(["typo.yaml"], { "typo.yaml": text });
  expect(code).toBe(EXIT_CODES.invalidInput);
  expect(stderr()).toBe(
    [
      "dapkit: typo.yaml is not a valid funding plan (2 problems):",
      'typo.yaml:4:31: costs.0.amountPence: Cannot read "£1,50" as an amount of money: its commas are misplaced (they must separate groups of three digits before the decimal point, as in £1,502,449)',
      "typo.yaml:5:1: reserveDrawdown: is not a field of a funding plan",
      "The fields of a funding plan are: name, financialYears, partners, workstreams, costs, contributions, grants, reserveDrawdowns, carryForwards, workstreamCosts.",
      "",
    ].join("\n"),
  );
  const nested = text.replace("reserveDrawdown:", "reserveDrawdowns:");
  const { stderr: nestedError } = await plan(["typo.yaml"], { "typo.yaml": nested });
  expect(nestedError()).toContain(
    "typo.yaml:6:59: reserveDrawdowns.0.amountPounds: is not a field of this part of the plan",
  );
  expect(nestedError()).not.toContain("The fields of a funding plan are");
});

test("--fail-on-gap exits 1 and names each year with a gap; without it a gap is not a failure", async () => {
  const failing = await plan([OXFORDSHIRE, "--fail-on-gap"]);
  expect(failing.code).toBe(EXIT_CODES.problemsFound);
  expect(failing.stdout()).toContain("Gap");
  expect(failing.stderr()).toBe(`${OXFORDSHIRE}: there is a gap in 2017/18 (£135,000.00).\n`);
  expect((await plan([OXFORDSHIRE])).code).toBe(EXIT_CODES.ok);
  // Lancashire has a surplus in Year 1 and no gap after, so it passes.
  const passing = await plan([LANCASHIRE, "--fail-on-gap"]);
  expect(passing.code).toBe(EXIT_CODES.ok);
  expect(passing.stderr()).toBe("");
});

test("warnings go to stderr while the tables still print", async () => {
  const text = [
    "name: Leaving partner",
    "financialYears: [2017/18, 2018/19]",
    "partners: [{ key: pcc, name: PCC, endDate: 2018-03-31 }]",
    "costs: [{ financialYear: 2017/18, amountPence: 100 }]",
    "contributions: [{ partner: pcc, financialYear: 2018/19, amountPence: 100 }]",
    "",
  ].join("\n");
  const { code, stdout, stderr } = await plan(["leaving.yaml"], { "leaving.yaml": text });
  expect(code).toBe(EXIT_CODES.ok);
  expect(stdout()).toContain("Funding by financial year");
  expect(stderr()).toBe(
    [
      "Warning: leaving.yaml: 2018/19 has no cost line, so its cost counts as £0",
      "Warning: leaving.yaml: PCC contributes in 2018/19, after its end date of 2018-03-31",
      "",
    ].join("\n"),
  );
});
