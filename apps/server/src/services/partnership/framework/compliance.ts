import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";

import type { ComplianceRow } from "@dapkit/contract";
import { refresherDue, requiredLevels } from "@dapkit/training";

import type { Queryable } from "../../../db/client";
import { agencies, courses, nominations, staff, trainingSessions } from "../../../db/schema";
import type { Scope } from "../../scope";
import { visibleStaff } from "../../staff/staff-scope";
import { dayOf } from "../../training/date-range";
import {
  courseOfSession,
  sessionOfNomination,
  staffOfNomination,
} from "../../training/nomination-items";
import { visibleAgency } from "../agencies/agency-scope";
import { levelsOf, rulesOf } from "./framework";

// The agencies a user reports on: an agency lead their own, everyone else every current agency.
function agenciesFor(db: Queryable, user: Scope["user"]) {
  return db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(
      and(
        eq(agencies.organisationId, user.organisationId),
        isNull(agencies.archivedAt),
        visibleAgency(user, agencies.id),
      ),
    )
    .orderBy(asc(agencies.name))
    .all();
}

/**
 * The people trained in date at each level on `asOf`: a full attendance of a course at that
 * level whose refresher (the course's interval, else the level's default) has not run out,
 * judged by @dapkit/training's refresherDue; a course with no refresher never runs out.
 */
function trainedInDate(
  { db, user }: Pick<Scope, "db" | "user">,
  defaults: ReadonlyMap<number, number | null>,
  asOf: string,
): Map<number, Set<string>> {
  const rows = db
    .select({
      staffId: nominations.staffId,
      level: courses.level,
      intervalMonths: courses.refresherIntervalMonths,
      endsAt: trainingSessions.endsAt,
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(courses, courseOfSession)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, user.organisationId),
        eq(nominations.state, "fully_attended"),
        isNotNull(staff.agencyId),
        visibleStaff(user),
      ),
    )
    .all();
  const groups = new Map<string, { level: number; months: number | null; rows: typeof rows }>();
  for (const row of rows) {
    const months = row.intervalMonths ?? defaults.get(row.level) ?? null;
    const key = `${String(row.level)}:${String(months)}`;
    const group = groups.get(key) ?? { level: row.level, months, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const trained = new Map<number, Set<string>>();
  for (const { level, months, rows: completions } of groups.values()) {
    const people = trained.get(level) ?? new Set<string>();
    const inDate =
      months == null
        ? completions.filter((row) => dayOf(row.endsAt) <= asOf).map((row) => row.staffId)
        : refresherDue({
            completions: completions.map((row) => ({
              staffId: row.staffId,
              completedOn: dayOf(row.endsAt),
            })),
            intervalMonths: months,
            asOf,
          })
            .filter((row) => row.status !== "overdue")
            .map((row) => row.staffId);
    for (const staffId of inDate) people.add(staffId);
    trained.set(level, people);
  }
  return trained;
}

/**
 * Compliance with the framework on `asOf`: for each agency (an agency lead: their own) and each
 * level, the active people whose agency and job title a requirement rule says need the level
 * (@dapkit/training's requiredLevels), how many of them are trained in date, and the rate.
 */
export function complianceByAgencyAndLevel(scope: Scope, asOf: string): ComplianceRow[] {
  const { db, user } = scope;
  const levels = levelsOf(db, user.organisationId);
  const rules = rulesOf(db, user.organisationId);
  const agencyList = agenciesFor(db, user);
  const kindOf = new Map(agencyList.map((agency) => [agency.id, agency.kind]));
  const people = db
    .select({ id: staff.id, jobTitle: staff.jobTitle, agencyId: staff.agencyId })
    .from(staff)
    .where(and(visibleStaff(user), eq(staff.active, true), isNotNull(staff.agencyId)))
    .all();
  const trained = trainedInDate(
    scope,
    new Map(levels.map((row) => [row.level, row.defaultRefresherMonths])),
    asOf,
  );
  const counts = new Map<string, { required: number; trainedInDate: number }>();
  for (const person of people) {
    const agencyId = person.agencyId ?? "";
    const kind = kindOf.get(agencyId);
    // Archived agencies' people are not reported (their agency is not).
    if (kind === undefined) continue;
    for (const level of requiredLevels(
      { jobTitle: person.jobTitle, agencyId, agencyKind: kind },
      rules,
    )) {
      const key = `${agencyId}:${String(level)}`;
      const count = counts.get(key) ?? { required: 0, trainedInDate: 0 };
      count.required += 1;
      if (trained.get(level)?.has(person.id) === true) count.trainedInDate += 1;
      counts.set(key, count);
    }
  }
  return agencyList.flatMap((agency) =>
    levels.map((level) => {
      const count = counts.get(`${agency.id}:${String(level.level)}`) ?? {
        required: 0,
        trainedInDate: 0,
      };
      return {
        agencyId: agency.id,
        agencyName: agency.name,
        level: level.level,
        levelName: level.name,
        ...count,
        rate: count.required === 0 ? null : count.trainedInDate / count.required,
      };
    }),
  );
}
