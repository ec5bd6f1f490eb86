import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";

import { financialYearOf } from "@dapkit/funding";
import { addMonths, formatIsoDate, londonInstant } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { agencies, charges, courses, staff, trainingSessions } from "../../db/schema";
import { AppError } from "../../errors";
import { visibleAgency } from "../partnership/agencies/agency-scope";
import type { Scope } from "../scope";
import { courseOfSession } from "../training/nomination-items";

/** Which charges: a financial year by its first year, optionally a quarter (1 = April–June) and agency. */
export interface ChargesFilter {
  financialYearStart: number | null;
  quarter: number | null;
  agencyId: string | null;
}

/**
 * The moments a financial year (by the year it starts in) or one of its quarters (1 is April to
 * June) begins and the next begins, from midnight in London.
 */
export function periodInstants(financialYearStart: number, quarter: number | null) {
  const april = { year: financialYearStart, month: 4, day: 1 };
  const first = addMonths(april, quarter == null ? 0 : (quarter - 1) * 3);
  const next = addMonths(first, quarter == null ? 12 : 3);
  return {
    from: londonInstant(formatIsoDate(first), "00:00"),
    before: londonInstant(formatIsoDate(next), "00:00"),
  };
}

/**
 * The filter's rows: the organisation's charges for sessions in the period (so a quarter's
 * charges add up to the year's, which is the year of the session), for an agency lead their own
 * agency's only, whatever agency was asked for.
 */
function chargeConditions(
  scope: Scope,
  filter: ChargesFilter & { financialYearStart: number },
): (SQL | undefined)[] {
  const { financialYearStart } = filter;
  const { from, before } = periodInstants(financialYearStart, filter.quarter);
  const visible = visibleAgency(scope.user, charges.agencyId);
  // An agency lead's own agency stands in for any agency they ask for.
  const agencyId = visible === undefined ? filter.agencyId : undefined;
  return [
    visible,
    eq(charges.organisationId, scope.user.organisationId),
    eq(charges.financialYearStart, financialYearStart),
    gte(trainingSessions.startsAt, from),
    lt(trainingSessions.startsAt, before),
    ...(agencyId == null ? [] : [eq(charges.agencyId, agencyId)]),
  ];
}

/**
 * Charge rows joined to their agency, person, session and course, latest day first; the order
 * ends in the charge's id, so one person's charges on the same day list the same every time.
 */
export function chargeRows(tx: Queryable, where: SQL | undefined) {
  return tx
    .select({
      id: charges.id,
      agencyId: charges.agencyId,
      agencyName: agencies.name,
      kind: charges.kind,
      nominationId: charges.nominationId,
      sessionId: charges.sessionId,
      staffName: staff.name,
      courseTitle: courses.title,
      sessionStartsAt: trainingSessions.startsAt,
      amountPence: charges.amountPence,
      financialYearStart: charges.financialYearStart,
      chargedOn: charges.chargedOn,
      basis: charges.basis,
      waivedAt: charges.waivedAt,
      waiveReason: charges.waiveReason,
    })
    .from(charges)
    .innerJoin(
      agencies,
      and(eq(agencies.organisationId, charges.organisationId), eq(agencies.id, charges.agencyId)),
    )
    .innerJoin(
      staff,
      and(eq(staff.organisationId, charges.organisationId), eq(staff.id, charges.staffId)),
    )
    .innerJoin(
      trainingSessions,
      and(
        eq(trainingSessions.organisationId, charges.organisationId),
        eq(trainingSessions.id, charges.sessionId),
      ),
    )
    .innerJoin(courses, courseOfSession)
    .where(where)
    .orderBy(
      desc(charges.chargedOn),
      agencies.name,
      staff.name,
      staff.employeeNumber,
      trainingSessions.startsAt,
      charges.id,
    )
    .all();
}

/** One charge as the API shows it. */
export type ChargeItem = ReturnType<typeof chargeRows>[number];

/** Totals of charges, owed (not waived) and waived, in pence. */
function totals(rows: readonly ChargeItem[]) {
  let owedPence = 0;
  let waivedPence = 0;
  for (const row of rows) {
    if (row.waivedAt == null) owedPence += row.amountPence;
    else waivedPence += row.amountPence;
  }
  return { owedPence, waivedPence };
}

/**
 * The charges of a financial year or quarter, newest first, with each agency's totals (in name
 * order) and the overall totals, exact in pence.
 */
// An agency asked for must be one of the organisation's (archived ones keep their charges).
function assertAgency(scope: Scope, agencyId: string | null): void {
  if (agencyId == null) return;
  const agency = scope.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.organisationId, scope.user.organisationId), eq(agencies.id, agencyId)))
    .get();
  if (agency === undefined) {
    throw new AppError("not_found", "Agency not found", { field: "agencyId" });
  }
}

export function listCharges(scope: Scope, filter: ChargesFilter) {
  assertAgency(scope, filter.agencyId);
  const financialYearStart = filter.financialYearStart ?? financialYearOf(scope.now).startYear;
  const rows = chargeRows(
    scope.db,
    and(...chargeConditions(scope, { ...filter, financialYearStart })),
  );
  const byAgency = new Map<string, ChargeItem[]>();
  for (const row of rows) {
    const agencyRows = byAgency.get(row.agencyId);
    if (agencyRows === undefined) byAgency.set(row.agencyId, [row]);
    else agencyRows.push(row);
  }
  return {
    financialYearStart,
    charges: rows,
    byAgency: [...byAgency.values()]
      .map((agencyRows) => ({
        agencyId: agencyRows[0]?.agencyId ?? "",
        agencyName: agencyRows[0]?.agencyName ?? "",
        count: agencyRows.length,
        ...totals(agencyRows),
      }))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName)),
    ...totals(rows),
  };
}
