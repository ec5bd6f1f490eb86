import { and, eq, inArray } from "drizzle-orm";

import { counter, say } from "../progress";
import { shuffledRange, weighted } from "../random";
import {
  applyToMany,
  type ApplyMany,
  createCourse,
  createSession,
  getMessageSettings,
  importAttendanceCsv,
  importNominationsCsv,
  tables,
  updateMessageSettings,
  writeCsv,
  type Db,
  type Scope,
  type SessionUser,
} from "../server";
import { addDays, BENCH_NOW } from "./clock";
import type { PlannedPerson } from "./people";

/** How many people are nominated for each session; 24 places, so some wait. */
export const NOMINATIONS_PER_SESSION = 30;
const CAPACITY = 24;
// Sessions are imported, booked and marked a chunk at a time (a chunk is one nominations file).
const SESSIONS_PER_CHUNK = 1_600;
const FIRST_SESSION = new Date("2019-04-02T09:30:00.000Z");
const LAST_SESSION = new Date("2025-03-28T09:30:00.000Z");

const COURSES = [
  { title: "Domestic abuse awareness", level: 1, refresherIntervalMonths: 36, weight: 6 },
  { title: "Responding to disclosures", level: 2, refresherIntervalMonths: 24, weight: 2 },
  { title: "DASH risk assessment", level: 3, refresherIntervalMonths: 12, weight: 1 },
  { title: "Domestic abuse champions", level: 2, refresherIntervalMonths: null, weight: 1 },
] as const;

type Outcome = "fully_attended" | "partially_attended" | "no_show" | "unable_to_attend";
const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ["fully_attended", 80],
  ["partially_attended", 6],
  ["no_show", 9],
  ["unable_to_attend", 5],
];

interface PlannedSession {
  id: string;
  startsAt: Date;
}

/** What the training generator needs: the database, who acts, and the people to nominate. */
export interface TrainingContext {
  db: Db;
  hr: SessionUser;
  /** Turns the organisation's messages off while its past is built, and back on. */
  admin: SessionUser;
  people: readonly PlannedPerson[];
  nominations: number;
  random: () => number;
}

function scopeAt(context: TrainingContext, now: Date): Scope {
  return { db: context.db, user: context.hr, now };
}

// Many service calls in one outer transaction: each call's own transaction becomes a savepoint,
// so the rules run exactly as they do for a single call while the commits are shared.
function inOneTransaction(db: Db, work: () => void): void {
  db.$client.transaction(work)();
}

function createSessions(context: TrainingContext, count: number): PlannedSession[] {
  const courses = COURSES.map(({ weight, ...course }) => ({
    id: createCourse(scopeAt(context, addDays(FIRST_SESSION, -90)), { ...course, description: "" })
      .id,
    weight,
  }));
  const span = LAST_SESSION.getTime() - FIRST_SESSION.getTime();
  const sessions: PlannedSession[] = [];
  const progress = counter("sessions", count);
  for (let first = 0; first < count; first += 1_000) {
    inOneTransaction(context.db, () => {
      for (let i = first; i < Math.min(count, first + 1_000); i += 1) {
        const startsAt = new Date(FIRST_SESSION.getTime() + Math.floor((span * i) / count));
        const courseId = weighted(
          context.random,
          courses.map((course) => [course.id, course.weight] as const),
        );
        const session = createSession(scopeAt(context, addDays(startsAt, -60)), {
          courseId,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000).toISOString(),
          capacity: CAPACITY,
          location: `Training Room ${String((i % 12) + 1)}`,
          trainer: "Refuge trainer",
        });
        sessions.push({ id: session.id, startsAt });
      }
    });
    progress(sessions.length);
  }
  return sessions;
}

/**
 * The nominations file for a chunk of sessions. People are drawn in turn from a shuffled list of
 * the active staff less a tenth (who are never nominated), so nobody is nominated twice for one
 * session and everyone nominated has about the same number of nominations.
 */
function nominationsCsv(
  sessions: readonly PlannedSession[],
  options: { firstIndex: number; pool: readonly PlannedPerson[] },
): string {
  const rows: string[][] = [];
  sessions.forEach((session, s) => {
    for (let k = 0; k < NOMINATIONS_PER_SESSION; k += 1) {
      const index = (options.firstIndex + s) * NOMINATIONS_PER_SESSION + k;
      const person = options.pool[index % options.pool.length];
      if (person === undefined) continue;
      rows.push([
        person.employeeNumber,
        session.id,
        k % 5 === 0 ? "Works with families" : "",
        k % 2 === 0 ? "yes" : "no",
      ]);
    }
  });
  return writeCsv({ header: ["employee_number", "session_id", "reason", "mandatory"], rows });
}

function assertWritten(
  what: string,
  result: { written: boolean; errors: { line: number; message: string }[] },
): void {
  if (result.written) return;
  const first = result.errors
    .slice(0, 3)
    .map((error) => `line ${String(error.line)}: ${error.message}`);
  throw new Error(`The generated ${what} file was refused:\n${first.join("\n")}`);
}

function nominationsOf(db: Db, sessionIds: readonly string[]) {
  const { nominations } = tables;
  return db
    .select({ id: nominations.id, staffId: nominations.staffId, sessionId: nominations.sessionId })
    .from(nominations)
    .where(inArray(nominations.sessionId, [...sessionIds]))
    .all();
}

/** Told of each session in turn as its bookings are made. */
type Reached = (session: PlannedSession) => void;

/**
 * Nobody is emailed about sessions already held: a council moving its past records in turns its
 * messages off meanwhile. They are turned back on at the first session still to come, so the
 * outbox holds what a live one would: the invitations and changes for sessions ahead.
 */
function messagesFromThePresent(context: TrainingContext): Reached {
  const messaging = { ...scopeAt(context, FIRST_SESSION), user: context.admin };
  const { enabledKinds } = getMessageSettings(messaging);
  updateMessageSettings(messaging, { enabledKinds: [] });
  let on = false;
  return (session) => {
    if (on || session.startsAt < BENCH_NOW) return;
    updateMessageSettings({ ...messaging, now: addDays(session.startsAt, -28) }, { enabledKinds });
    on = true;
  };
}

/**
 * Declines some of each session's nominations, books the rest (the session's rules put people on
 * the waiting list once its 24 places are taken) and cancels a few bookings (which promotes the
 * first person waiting), each a bulk action through the same service the session page uses.
 */
function bookChunk(
  context: TrainingContext,
  { sessions, reached }: { sessions: readonly PlannedSession[]; reached: Reached },
): void {
  const bySession = new Map<string, string[]>();
  for (const row of nominationsOf(
    context.db,
    sessions.map((session) => session.id),
  )) {
    const list = bySession.get(row.sessionId) ?? [];
    list.push(row.id);
    bySession.set(row.sessionId, list);
  }
  inOneTransaction(context.db, () => {
    for (const session of sessions) {
      reached(session);
      const ids = bySession.get(session.id) ?? [];
      const act = (days: number, input: Omit<ApplyMany, "sessionId">) =>
        input.ids.length === 0
          ? []
          : applyToMany(scopeAt(context, addDays(session.startsAt, days)), {
              ...input,
              sessionId: session.id,
            }).results;
      const declined = new Set(ids.filter(() => context.random() < 0.05));
      act(-28, { action: "decline", ids: [...declined], note: "Not needed for this role" });
      const booked = act(-28, {
        action: "book",
        ids: ids.filter((id) => !declined.has(id)),
        note: "",
      }).flatMap((result) => (result.outcome === "booked" ? [result.id] : []));
      act(-7, {
        action: "cancel",
        ids: booked.filter(() => context.random() < 0.03),
        note: "Clashes with a case conference",
      });
    }
  });
}

// The register of each past session as an attendance file: everyone holding a place has an outcome.
function attendanceCsv(
  context: TrainingContext,
  sessions: readonly PlannedSession[],
  numbers: ReadonlyMap<string, string>,
): string {
  const { nominations } = tables;
  const past = sessions
    .filter((session) => session.startsAt < BENCH_NOW)
    .map((session) => session.id);
  const rows =
    past.length === 0
      ? []
      : context.db
          .select({ staffId: nominations.staffId, sessionId: nominations.sessionId })
          .from(nominations)
          .where(and(inArray(nominations.sessionId, past), eq(nominations.state, "booked")))
          .all();
  return writeCsv({
    header: ["employee_number", "session_id", "outcome"],
    rows: rows.map((row) => [
      numbers.get(row.staffId) ?? "",
      row.sessionId,
      weighted(context.random, OUTCOMES),
    ]),
  });
}

/**
 * Builds the organisation's training: four courses, a session for every 30 nominations from
 * April 2019 to March 2025, and for each chunk of sessions a nominations file imported, bookings,
 * declines and cancellations made one by one, and an attendance file imported for the sessions
 * already held, so each nomination carries the status history the real workflow writes.
 */
export function generateTraining(context: TrainingContext): { sessions: number } {
  const sessionCount = Math.ceil(context.nominations / NOMINATIONS_PER_SESSION);
  say(`Creating ${sessionCount.toLocaleString("en-GB")} training sessions`);
  const sessions = createSessions(context, sessionCount);
  const active = context.people.filter((person) => person.active);
  const order = shuffledRange(active.length, context.random);
  const pool = order.slice(0, Math.floor(active.length * 0.9)).flatMap((i) => active[i] ?? []);
  const numbers = new Map(
    context.db
      .select({ id: tables.staff.id, number: tables.staff.employeeNumber })
      .from(tables.staff)
      .all()
      .map((row) => [row.id, row.number]),
  );
  const progress = counter("nominations with history", context.nominations);
  const reached = messagesFromThePresent(context);
  for (let first = 0; first < sessions.length; first += SESSIONS_PER_CHUNK) {
    const chunk = sessions.slice(first, first + SESSIONS_PER_CHUNK);
    const start = chunk[0]?.startsAt ?? FIRST_SESSION;
    const end = chunk.at(-1)?.startsAt ?? FIRST_SESSION;
    const csv = nominationsCsv(chunk, { firstIndex: first, pool });
    assertWritten(
      "nominations",
      importNominationsCsv(scopeAt(context, addDays(start, -42)), { csv, dryRun: false }),
    );
    bookChunk(context, { sessions: chunk, reached });
    const register = attendanceCsv(context, chunk, numbers);
    const marking = scopeAt(context, addDays(end < BENCH_NOW ? end : BENCH_NOW, 1));
    assertWritten("attendance", importAttendanceCsv(marking, { csv: register, dryRun: false }));
    progress(Math.min(context.nominations, (first + chunk.length) * NOMINATIONS_PER_SESSION));
  }
  return { sessions: sessions.length };
}
