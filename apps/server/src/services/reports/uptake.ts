import { and, eq, inArray } from "drizzle-orm";

import { uptakeFunnel, type UptakeFunnel } from "@dapkit/training";

import { nominations, staff, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { listDepartments } from "../staff/departments";
import { visibleStaff } from "../staff/staff-scope";
import { withinDays, type DateRange } from "../training/date-range";
import { sessionOfNomination, staffOfNomination } from "../training/nomination-items";

/** One group's funnel, with the name a person reads. */
export type NamedFunnel = UptakeFunnel & { key: string | null; name: string };

/** The uptake funnel overall, by department and by manager. */
export interface UptakeReport {
  overall: UptakeFunnel;
  byDepartment: NamedFunnel[];
  byManager: NamedFunnel[];
}

function byName(a: NamedFunnel, b: NamedFunnel): number {
  return a.name.localeCompare(b.name, "en-GB");
}

function managerNames(scope: Scope, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = scope.db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.organisationId, scope.user.organisationId), inArray(staff.id, ids)))
    .all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Nominated → booked → attended for the sessions starting in a date range, counted by
 * @dapkit/training's funnel over the nominations the user may see (a manager: their team's).
 * The rows come from one query over the nominations index, with only the columns counted.
 */
export function uptakeReport(scope: Scope, range: DateRange): UptakeReport {
  const { db, user } = scope;
  const rows = db
    .select({
      state: nominations.state,
      departmentId: staff.departmentId,
      managerId: staff.managerId,
    })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, user.organisationId),
        visibleStaff(user),
        withinDays(trainingSessions.startsAt, range),
      ),
    )
    .all();
  const { groups: departments, ...overall } = uptakeFunnel(rows, { groupBy: "departmentId" });
  const managers = uptakeFunnel(rows, { groupBy: "managerId" }).groups;
  const departmentNames = new Map(listDepartments(scope).map((d) => [d.id, d.name]));
  const names = managerNames(
    scope,
    managers.flatMap((group) => (group.key == null ? [] : [group.key])),
  );
  return {
    overall,
    byDepartment: departments
      .map((group) => ({ ...group, name: departmentNames.get(group.key) ?? group.key }))
      .sort(byName),
    byManager: managers
      .map((group) => ({
        ...group,
        key: group.key ?? null,
        name: group.key == null ? "No manager" : (names.get(group.key) ?? group.key),
      }))
      .sort(byName),
  };
}
