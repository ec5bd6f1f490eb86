import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";

import type { BenchContext } from "../context";
import { addDays, BENCH_NOW } from "../generate/clock";
import { NOMINATIONS_PER_SESSION } from "../generate/training";
import { summarise, time, type SideBySide } from "../measure";
import { say } from "../progress";
import { withRatio, type Measurement } from "../results";
import {
  createCourse,
  createSession,
  importNominationsCsv,
  insertNominations,
  nominate,
  tables,
  withBulkTallies,
  writeCsv,
  WRITE_LOCK,
  type NewNomination,
  type Scope,
} from "../server";
import { importRows } from "../sizes";

/** Sessions for one import file's rows, created through the session service. */
function importSessions(
  scope: Scope,
  count: number,
  options: { label: string; from: Date },
): string[] {
  const courseId = createCourse(scope, {
    title: `Imported course ${options.label}`,
    level: 1,
    refresherIntervalMonths: 36,
    description: "",
  }).id;
  const ids: string[] = [];
  scope.db.$client.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const startsAt = addDays(options.from, 30 + (i % 200));
      ids.push(
        createSession(scope, {
          courseId,
          startsAt: startsAt.toISOString(),
          endsAt: addDays(startsAt, 0.125).toISOString(),
          capacity: NOMINATIONS_PER_SESSION,
          location: "Council Chamber",
          trainer: "Refuge trainer",
        }).id,
      );
    }
  })();
  return ids;
}

/**
 * A nominations file of `rows` rows for new sessions: every row a new nomination. The sessions start
 * a month or more after `from` (the generated organisation's "now" unless given): a server that
 * keeps real time needs them after its own today, or it refuses every row.
 */
export function nominationsFile(
  context: BenchContext,
  options: { rows: number; label: string; badLastRow?: boolean; from?: Date },
): string {
  const scope = context.scopeOf(context.generated.organisation.users.hr);
  const numbers = context.app.db
    .select({ number: tables.staff.employeeNumber, active: tables.staff.active })
    .from(tables.staff)
    .all()
    .filter((row) => row.active)
    .map((row) => row.number);
  const sessions = importSessions(scope, Math.ceil(options.rows / NOMINATIONS_PER_SESSION), {
    label: options.label,
    from: options.from ?? BENCH_NOW,
  });
  const rows = Array.from({ length: options.rows }, (_, i) => [
    numbers[i % numbers.length] ?? "",
    sessions[Math.floor(i / NOMINATIONS_PER_SESSION)] ?? "",
    i % 7 === 0 ? "New safeguarding role" : "",
    i % 2 === 0 ? "yes" : "no",
  ]);
  if (options.badLastRow === true) {
    const last = rows.at(-1);
    if (last !== undefined) last[0] = "E9999999";
  }
  return writeCsv({ header: ["employee_number", "session_id", "reason", "mandatory"], rows });
}

/** The sha256 of the database file once the write-ahead log is folded into it. */
export function databaseHash(context: BenchContext): string {
  context.app.db.$client.pragma("wal_checkpoint(TRUNCATE)");
  // Read in pieces: the large organisation's file is bigger than one Buffer may be.
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(8 * 1024 * 1024);
  const fd = openSync(join(context.dataDir, "dapkit.db"), "r");
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/** The nominations a file of `nominationsFile` adds, with each person's id looked up. */
function newNominations(context: BenchContext, csv: string): NewNomination[] {
  const ids = new Map(
    context.app.db
      .select({ id: tables.staff.id, number: tables.staff.employeeNumber })
      .from(tables.staff)
      .all()
      .map((row) => [row.number, row.id]),
  );
  return csv
    .split("\r\n")
    .slice(1, -1)
    .map((line) => {
      const [employeeNumber = "", sessionId = "", reason = "", mandatory = ""] = line.split(",");
      const staffId = ids.get(employeeNumber);
      if (staffId === undefined) throw new Error(`No staff ${employeeNumber} for the floor`);
      return { staffId, sessionId, reason, mandatory: mandatory === "yes" };
    });
}

/**
 * The floor under the import: SQLite writing the same rows with the same schema (nominations,
 * their first history entries and audit entries, the running counts adjusted once per group) by
 * the import's own statements, in one committed transaction, from rows resolved beforehand. What
 * the import takes above this is reading the CSV, checking every row and planning. Timed
 * alternately with the same writes leaving the running counts to the triggers, row by row (as
 * every import did before migration 0019), so the two meet the same load. It runs after the
 * imports, on the database they have grown.
 */
function measureFloor(context: BenchContext, rows: number): SideBySide {
  const scope = context.scopeOf(context.generated.organisation.users.hr);
  // Each batch is made just before it is written, untimed, so memory holds one at a time.
  const batch = (label: string) =>
    newNominations(context, nominationsFile(context, { rows, label: `floor ${label}` }));
  const bulk = (nominations: NewNomination[]) => {
    const added = nominations.map(({ staffId }) => ({
      staffId,
      from: null,
      to: "nominated" as const,
    }));
    scope.db.transaction((tx) => {
      withBulkTallies(tx, scope, {
        changes: added,
        run: () => insertNominations(tx, scope, nominations),
      });
    }, WRITE_LOCK);
  };
  const byTrigger = (nominations: NewNomination[]) => {
    scope.db.transaction((tx) => insertNominations(tx, scope, nominations), WRITE_LOCK);
  };
  const samples: [number[], number[]] = [[], []];
  const warmup = 1;
  for (let run = -warmup; run < context.runs.heavy; run += 1) {
    // Alternating which goes first, as timeSideBySide does.
    const order = run % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const which of order) {
      const nominations = batch(`${String(run)} ${String(which)}`);
      const started = performance.now();
      (which === 0 ? bulk : byTrigger)(nominations);
      if (run >= 0) samples[which].push(performance.now() - started);
    }
  }
  const [first, second] = samples;
  return {
    first: summarise(first),
    second: summarise(second),
    pairedRatio: summarise(second.map((ms, run) => ms / (first[run] ?? Number.NaN))).median,
  };
}

// Thrown to roll a transaction back on purpose.
class RollBack extends Error {}

/**
 * A 100,000-row nominations import (all or nothing) and the same file with one bad row at the
 * end, which must leave the database file byte for byte as it was. Baselines: one `nominate` call
 * (one transaction) per row, timed on a slice and scaled up; and for the failing file, writing
 * every row and rolling the transaction back, the naive way to be all or nothing.
 */
export async function measureImports(context: BenchContext): Promise<Measurement[]> {
  const size = context.generated.size;
  const rows = importRows(size);
  const hr = context.generated.organisation.users.hr;
  const caller = context.callerOf(hr);
  const scope = context.scopeOf(hr);
  const runs = context.runs.heavy;
  say(`  preparing ${String(runs + 1)} import files of ${rows.toLocaleString("en-GB")} rows`);
  const files = Array.from({ length: runs + 1 }, (_, i) =>
    nominationsFile(context, { rows, label: `good ${String(i)}` }),
  );
  const imported = await time(
    async (run) => {
      const result = await caller.training.nominations.importCsv({ csv: files[run + 1] ?? "" });
      if (!result.written || result.counts.created !== rows)
        throw new Error("The import benchmark's file was refused");
    },
    { runs },
  );

  // After the imports, so that their figures stay comparable with earlier runs: the floor's own
  // rows (eight files' worth) would otherwise be in the database they write to.
  say("  timing the same rows written alone (the floor)");
  const floor = measureFloor(context, rows);

  const sliceRows = Math.min(2_000, rows);
  const slice = nominationsFile(context, { rows: sliceRows, label: "row by row" })
    .split("\r\n")
    .slice(1, -1);
  const rowByRow = await time(
    () => {
      for (const line of slice) {
        const [employeeNumber, sessionId] = line.split(",");
        const person = context.app.db
          .select({ id: tables.staff.id })
          .from(tables.staff)
          .where(eq(tables.staff.employeeNumber, employeeNumber ?? ""))
          .get();
        nominate(scope, {
          sessionId: sessionId ?? "",
          staffIds: [person?.id ?? ""],
          reason: "",
          mandatory: false,
        });
      }
    },
    { runs: 1, warmup: 0 },
  );
  const scale = rows / sliceRows;
  const rowByRowScaled = {
    ...rowByRow,
    median: rowByRow.median * scale,
    p95: rowByRow.p95 * scale,
    min: rowByRow.min * scale,
    max: rowByRow.max * scale,
  };

  const bad = Array.from({ length: runs }, (_, i) =>
    nominationsFile(context, { rows, label: `bad ${String(i)}`, badLastRow: true }),
  );
  // Each refused file is timed on its own; the database is hashed before and after, untimed.
  let unchanged = true;
  const refusals: number[] = [];
  for (const csv of bad) {
    const before = databaseHash(context);
    const started = performance.now();
    const result = await caller.training.nominations.importCsv({ csv });
    refusals.push(performance.now() - started);
    if (result.written || result.errors.length !== 1)
      throw new Error("The bad row was not reported");
    unchanged &&= databaseHash(context) === before;
  }
  const refused = summarise(refusals);
  const goodForRollback = nominationsFile(context, { rows, label: "rolled back" });
  const rolledBack = await time(
    () => {
      try {
        context.app.db.$client.transaction(() => {
          importNominationsCsv(scope, { csv: goodForRollback, dryRun: false });
          throw new RollBack();
        })();
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
      }
    },
    { runs: 1, warmup: 0 },
  );
  const large = size.name === "large";
  return [
    withRatio({
      size: size.name,
      name: `CSV import of ${rows.toLocaleString("en-GB")} nomination rows, all or nothing`,
      unit: "ms",
      result: imported,
      baseline: {
        name: "one nominate call (one transaction) per row",
        result: rowByRowScaled,
        extrapolated: `timed on ${sliceRows.toLocaleString("en-GB")} rows, scaled ×${scale.toFixed(0)}`,
      },
      targets: large ? [{ text: "< 3 s", met: imported.p95 < 3_000 }] : [],
    }),
    withRatio({
      size: size.name,
      name: `The same rows written alone (the floor: no CSV, no checks)`,
      unit: "ms",
      result: floor.first,
      baseline: {
        name: "the same writes with the running counts kept by trigger",
        result: floor.second,
      },
      targets: [],
      notes: `nominations, history, audit and running counts by the import's own statements; paired ratio ${floor.pairedRatio.toFixed(2)}×`,
    }),
    withRatio({
      size: size.name,
      name: `The same file with one bad row at the end (refused)`,
      unit: "ms",
      result: refused,
      baseline: { name: "write every row, then roll the transaction back", result: rolledBack },
      targets: [
        {
          text: "database file byte-for-byte unchanged (sha256 after a WAL checkpoint)",
          met: unchanged,
        },
      ],
    }),
  ];
}
