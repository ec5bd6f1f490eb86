import type * as z from "zod";

import { IssueList, type CsvIssue, type CsvRow } from "@dapkit/csv";

import type { Queryable } from "../../db/client";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { WRITE_LOCK } from "../training/nomination-writes";
import { readImportFile } from "./read-import-file";

/** How many records an import adds, changes and leaves as they were. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What an import (or its dry run) found. */
export interface ImportResult {
  dryRun: boolean;
  /** True when the file was saved: it had no errors and this was not a dry run. */
  written: boolean;
  counts: ImportCounts;
  /** The first problems found, by line (at most 100); when there are any, nothing is written. */
  errors: CsvIssue[];
  /** How many problems were found in all. */
  errorCount: number;
}

/** A CSV file to import, or to check without saving (a dry run). */
export interface ImportInput {
  csv: string;
  dryRun: boolean;
}

/** A row that passed its schema, with the line it came from. */
export interface ValidRow<T> {
  line: number;
  value: T;
}

/** What an import will do, worked out without writing anything (problems go to the issue list). */
export interface ImportPlan<Extra = object> {
  counts: ImportCounts;
  /** Makes the changes; only called when there are no issues and this is not a dry run. */
  apply: (tx: Queryable) => void;
  /** More to report, such as the departments a staff file adds. */
  extra: Extra;
}

/** A file's rows: those that passed their schema, and every row as read (to spot repeats). */
export interface ImportRows<C extends string, T> {
  rows: ValidRow<T>[];
  raw: CsvRow<C>[];
}

/** An import: the file's columns, the schema of one row, and how to plan the changes. */
export interface ImportDefinition<C extends string, T, Extra> {
  /** Names the import in the audit log, e.g. "staff". */
  entity: string;
  columns: readonly C[];
  /** Columns a file may leave out; rows of such a file read "" for them. */
  optional?: readonly C[];
  row: z.ZodType<T, Record<C, string>>;
  plan: (tx: Queryable, rows: ImportRows<C, T>, issues: IssueList) => ImportPlan<Extra>;
  /** What a plan of no rows reports, for a file that could not be read as a whole. */
  nothing: Extra;
}

// Rows are checked as they are read, so memory holds the rows an import needs and no more; the
// row limit bounds that.
function readRows<C extends string, T>(
  definition: ImportDefinition<C, T, unknown>,
  csv: string,
  issues: IssueList,
): ImportRows<C, T> & { whole: boolean } {
  const rows: ValidRow<T>[] = [];
  const raw: CsvRow<C>[] = [];
  const whole = readImportFile(csv, definition, {
    issues,
    visit(row) {
      raw.push(row);
      const result = definition.row.safeParse(row.values);
      if (result.success) {
        rows.push({ line: row.line, value: result.data });
        return;
      }
      for (const issue of result.error.issues) {
        const column = issue.path[0];
        issues.add({
          line: row.line,
          column: column === undefined ? null : String(column),
          message: issue.message,
        });
      }
    },
  });
  return { rows, raw, whole };
}

const NO_COUNTS: ImportCounts = { created: 0, updated: 0, unchanged: 0 };

/** What the caller of an import may hook into. */
export interface ImportHooks {
  /**
   * Called once the plan is made, just before an import that will change something takes the
   * database's write lock: the import worker waits here until the server's main thread has
   * paused its own writes, so that neither waits on the other's lock.
   */
  beforeWrite?: () => void;
}

// SQLite's answers when a transaction that has read cannot start writing: another connection
// holds the write lock, or has committed since this one's snapshot, which the plan may not have
// seen.
const STALE_SNAPSHOT = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT"]);

function isStaleSnapshot(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && STALE_SNAPSHOT.has(code);
}

/**
 * Runs an import all or nothing: reads and checks every row, plans the changes against the
 * database and, only if no row has a problem and this is not a dry run, applies them, all in one
 * transaction. A dry run returns the same counts and errors as the real thing would. A file that
 * cannot be read as a whole (a wrong header, broken quoting) is not planned: checks across rows
 * (repeats, managers later in the file) would mislead on half a file.
 *
 * The plan reads a snapshot without taking the write lock, so others go on writing while it is
 * worked out; the lock is taken for the writes alone. Should anyone have written in between,
 * SQLite refuses this transaction its first write, and the plan is made again holding the lock
 * from the start (WRITE_LOCK): a plan is never applied to data it did not see.
 */
export function runImport<C extends string, T, Extra>(
  scope: Scope,
  definition: ImportDefinition<C, T, Extra>,
  input: ImportInput & ImportHooks,
): ImportResult & Extra {
  let issues = new IssueList();
  const { whole, ...rows } = readRows(definition, input.csv, issues);
  const report = (counts: ImportCounts, written: boolean) => ({
    dryRun: input.dryRun,
    written,
    counts,
    errors: issues.listed,
    errorCount: issues.count,
  });
  if (!whole) return { ...definition.nothing, ...report(NO_COUNTS, false) };
  const attempt = (lock: typeof WRITE_LOCK | undefined) =>
    scope.db.transaction((tx) => {
      const plan = definition.plan(tx, rows, issues);
      const written = issues.count === 0 && !input.dryRun;
      const changed = plan.counts.created + plan.counts.updated > 0;
      if (written && changed) {
        input.beforeWrite?.();
        plan.apply(tx);
        recordAudit(tx, {
          actor: actorOf(scope.user),
          at: scope.now,
          action: "import",
          entity: definition.entity,
          after: plan.counts,
        });
      }
      return { ...plan.extra, ...report(plan.counts, written) };
    }, lock);
  try {
    return attempt(undefined);
  } catch (error) {
    if (!isStaleSnapshot(error)) throw error;
    // Only a file with no problems tries to write, so the rows' check found none: a fresh list
    // holds what the second plan finds.
    issues = new IssueList();
    return attempt(WRITE_LOCK);
  }
}

/**
 * The lines that repeat an earlier line's key (such as an employee number), each with the line it
 * repeats. Read from the rows as written, so a repeat is reported even when either line has
 * other problems too. Blank keys are left to the row schema.
 */
export function repeatedLines<C extends string>(
  raw: CsvRow<C>[],
  keyOf: (values: Record<C, string>) => string,
): Map<number, { first: number; values: Record<C, string> }> {
  const first = new Map<string, number>();
  const repeats = new Map<number, { first: number; values: Record<C, string> }>();
  for (const { line, values } of raw) {
    const key = keyOf(values);
    if (key === "") continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, line);
    else repeats.set(line, { first: earlier, values });
  }
  return repeats;
}
