import { NOMINATION_COLUMNS } from "../services/imports/import-nominations";
import { REQUIRED_STAFF_COLUMNS } from "../services/imports/import-staff";

// A matrix of bad CSV files, each meant for one import: the security tests send every one, in
// process and to a running server, and expect errors that name the line and nothing written.

/** The imports, and the procedure of each. */
export const IMPORT_PROCEDURES = {
  staff: "staff.importCsv",
  nominations: "training.nominations.importCsv",
  attendance: "training.attendance.importCsv",
} as const;

export type ImportKind = keyof typeof IMPORT_PROCEDURES;

/** What the files name: a member of staff HR can see, and a session of their organisation. */
export interface FileTargets {
  employeeNumber: string;
  sessionId: string;
}

export interface BadFile {
  name: string;
  import: ImportKind;
  csv: (targets: FileTargets) => string;
  /** The first error's line and column, where the file makes them certain. */
  first?: { line: number; column: string | null };
}

export const STAFF_HEADER = REQUIRED_STAFF_COLUMNS.join(",");
export const GOOD_STAFF_ROW =
  "N100,Asha Patel,asha@northshire.example,Housing Officer,Housing,,yes";
const NOMINATIONS_HEADER = NOMINATION_COLUMNS.join(",");

/** Windows-1252 bytes read as UTF-8, as a browser's `file.text()` reads a file Excel saved as "CSV". */
export function asBrowserReads(bytes: number[]): string {
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export const BAD_FILES: BadFile[] = [
  {
    name: "semicolons instead of commas",
    import: "staff",
    csv: () => `${REQUIRED_STAFF_COLUMNS.join(";")}\n${GOOD_STAFF_ROW.replaceAll(",", ";")}\n`,
    first: { line: 1, column: REQUIRED_STAFF_COLUMNS.join(";") },
  },
  {
    name: "tabs instead of commas",
    import: "staff",
    csv: () => `${REQUIRED_STAFF_COLUMNS.join("\t")}\n${GOOD_STAFF_ROW.replaceAll(",", "\t")}\n`,
    first: { line: 1, column: REQUIRED_STAFF_COLUMNS.join("\t") },
  },
  {
    name: "no header row",
    import: "staff",
    csv: () => `${GOOD_STAFF_ROW}\nN101,Ben Ode,,Officer,Housing,,yes\n`,
    first: { line: 1, column: "N100" },
  },
  {
    name: "an extra column in the header",
    import: "staff",
    csv: () => `${STAFF_HEADER},notes\n${GOOD_STAFF_ROW},x\n`,
    first: { line: 1, column: "notes" },
  },
  {
    name: "an extra value on one line",
    import: "staff",
    csv: () => `${STAFF_HEADER}\n${GOOD_STAFF_ROW}\nN101,Ben Ode,,Officer,Housing,,yes,surplus\n`,
    first: { line: 3, column: null },
  },
  {
    name: "a quoted value never closed",
    import: "staff",
    csv: () => `${STAFF_HEADER}\n${GOOD_STAFF_ROW}\nN101,"Ben Ode,,Officer,Housing,,yes\n`,
    first: { line: 3, column: null },
  },
  {
    name: "a bad row after a value that spans lines (line numbers count the line break)",
    import: "nominations",
    csv: (t) =>
      `${NOMINATIONS_HEADER}\r\n${t.employeeNumber},${t.sessionId},"Line one\r\nline two",no\r\nNOBODY,${t.sessionId},,no\r\n`,
    first: { line: 4, column: "employee_number" },
  },
  {
    name: "a 10 MB line",
    import: "staff",
    csv: () => `${STAFF_HEADER}\nN100,${"A".repeat(10 * 1024 * 1024)},,Officer,Housing,,yes\n`,
    first: { line: 2, column: "name" },
  },
  {
    name: "a line of 10,000,000 commas",
    import: "staff",
    csv: () => `${STAFF_HEADER}\n${GOOD_STAFF_ROW}\nN101${",".repeat(10_000_000)}\n`,
    first: { line: 3, column: null },
  },
  {
    name: "the same person twice",
    import: "staff",
    csv: () => `${STAFF_HEADER}\n${GOOD_STAFF_ROW}\n${GOOD_STAFF_ROW}\n`,
    first: { line: 3, column: "employee_number" },
  },
  {
    name: "a manager who is nowhere",
    import: "staff",
    csv: () => `${STAFF_HEADER}\nN100,Asha Patel,,Officer,Housing,NOBODY,yes\n`,
    first: { line: 2, column: "manager_employee_number" },
  },
  {
    name: "a member of staff who is nowhere",
    import: "nominations",
    csv: (t) => `${NOMINATIONS_HEADER}\nNOBODY,${t.sessionId},,no\n`,
    first: { line: 2, column: "employee_number" },
  },
  {
    name: "a session given as a date instead of its id",
    import: "nominations",
    csv: (t) => `${NOMINATIONS_HEADER}\n${t.employeeNumber},10/05/2022,,no\n`,
    first: { line: 2, column: "session_id" },
  },
  {
    name: "an outcome that is not one",
    import: "attendance",
    csv: (t) =>
      `employee_number,session_id,outcome\n${t.employeeNumber},${t.sessionId},attended-ish\n`,
    first: { line: 2, column: "outcome" },
  },
  {
    name: "Windows-1252 bytes that are not UTF-8 (René, £)",
    import: "staff",
    csv: () =>
      `${STAFF_HEADER}\n${GOOD_STAFF_ROW}\n${asBrowserReads([...Buffer.from("N101,Ren"), 0xe9, ...Buffer.from(" Dupont,,Officer,Housing,,yes")])}\n`,
    first: { line: 3, column: "name" },
  },
  {
    name: "a binary file",
    import: "staff",
    csv: () =>
      asBrowserReads([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00]),
  },
  {
    name: "an empty file",
    import: "staff",
    csv: () => "",
    first: { line: 1, column: null },
  },
  {
    name: "2,000,000 blank lines",
    import: "staff",
    csv: () => "\n".repeat(2_000_000),
    first: { line: 1, column: null },
  },
  {
    name: "1,000,000 short junk lines",
    import: "staff",
    csv: () => "x,1\n".repeat(1_000_000),
    first: { line: 1, column: "x" },
  },
];
