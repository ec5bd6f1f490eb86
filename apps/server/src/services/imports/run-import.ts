import type * as z from "zod";

import { parseCsv, type CsvIssue, type CsvRow } from "../../csv/parse-csv";
import type { Queryable } from "../../db/client";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { WRITE_LOCK } from "../training/nomination-writes";

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
  /** Every problem found, by line; when there are any, nothing is written. */
  errors: CsvIssue[];
}

/** A row that passed its schema, with the line it came from. */
export interface ValidRow<T> {
  line: number;
  value: T;
}

/** What an import will do, worked out without writing anything. */
export interface ImportPlan<Extra = object> {
  issues: CsvIssue[];
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
  row: z.ZodType<T, Record<C, string>>;
  plan: (tx: Queryable, rows: ImportRows<C, T>) => ImportPlan<Extra>;
}

function validateRows<C extends string, T>(
  definition: ImportDefinition<C, T, unknown>,
  csv: string,
): ImportRows<C, T> & { issues: CsvIssue[] } {
  const parsed = parseCsv(csv, { columns: definition.columns });
  const rows: ValidRow<T>[] = [];
  const issues = [...parsed.issues];
  for (const { line, values } of parsed.rows) {
    const result = definition.row.safeParse(values);
    if (result.success) {
      rows.push({ line, value: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const column = issue.path[0];
      issues.push({
        line,
        column: column === undefined ? null : String(column),
        message: issue.message,
      });
    }
  }
  return { rows, raw: parsed.rows, issues };
}

/**
 * Runs an import all or nothing: reads and checks every row, plans the changes against the
 * database and, only if no row has a problem and this is not a dry run, applies them, all in one
 * transaction. A dry run returns the same counts and errors as the real thing would.
 */
export function runImport<C extends string, T, Extra>(
  scope: Scope,
  definition: ImportDefinition<C, T, Extra>,
  input: { csv: string; dryRun: boolean },
): ImportResult & Extra {
  const { issues, ...rows } = validateRows(definition, input.csv);
  return scope.db.transaction((tx) => {
    const plan = definition.plan(tx, rows);
    const errors = [...issues, ...plan.issues].sort((a, b) => a.line - b.line);
    const written = errors.length === 0 && !input.dryRun;
    const changed = plan.counts.created + plan.counts.updated > 0;
    if (written && changed) {
      plan.apply(tx);
      recordAudit(tx, {
        actor: actorOf(scope.user),
        at: scope.now,
        action: "import",
        entity: definition.entity,
        after: plan.counts,
      });
    }
    return { ...plan.extra, dryRun: input.dryRun, written, counts: plan.counts, errors };
  }, WRITE_LOCK);
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
