import { and, asc, eq, gte, isNull, lt, sql, sum } from "drizzle-orm";

import { AGENCY_KINDS, type AgencyKind } from "@dapkit/contract";
import { attendanceFigures, type AttendanceFigures, type AttendanceRecord } from "@dapkit/training";

import { agencies, charges, nominations, staff, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import { sessionOfNomination, staffOfNomination } from "../training/nomination-items";
import { visibleAgency } from "../partnership/agencies/agency-scope";
import { periodInstants } from "./report-period";
import type { BoardReportSection, ReportPeriod, SectionColumn, SectionRow } from "./section";

/** One agency's attendance figures and charges for a period (agencyId null: people with none). */
export interface AgencyAttendance extends AttendanceFigures {
  agencyId: string | null;
  agency: string;
  /** Unwaived charges for the period's sessions, in pence. */
  chargesPence: number;
}

/** Every agency's row and the totals, which are the rows added up. */
export interface AgencyAttendanceReport {
  rows: AgencyAttendance[];
  totals: AgencyAttendance;
}

export const NO_AGENCY = "No agency recorded";

const substitute = sql.raw("substitute");
const held = sql<number>`exists (select 1 from nomination_events e where e.nomination_id = ${nominations.id} and e.state = 'booked')`;
const replaced = sql<number>`exists (select 1 from nominations ${substitute} where ${substitute}.organisation_id = ${nominations.organisationId} and ${substitute}.substituted_for_id = ${nominations.id})`;
// A late cancellation is what the charging policy found late: the ledger's late_cancellation
// charge, waived or not (a waiver forgives the money, not the lateness).
const late = sql<number>`exists (select 1 from ${charges} where ${charges.organisationId} = ${nominations.organisationId} and ${charges.nominationId} = ${nominations.id} and ${charges.kind} = 'late_cancellation')`;

function inPeriod(period: ReportPeriod) {
  const { from, before } = periodInstants(period);
  return and(gte(trainingSessions.startsAt, from), lt(trainingSessions.startsAt, before));
}

function nominationRecords(scope: Scope, period: ReportPeriod) {
  const { user } = scope;
  return scope.db
    .select({
      agencyId: staff.agencyId,
      state: nominations.state,
      unscheduled: nominations.unscheduled,
      substitutedForId: nominations.substitutedForId,
      held,
      replaced,
      late,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(
      and(
        eq(nominations.organisationId, user.organisationId),
        visibleStaff(user),
        inPeriod(period),
        // A session the partnership cancelled cancelled its bookings; no agency did.
        isNull(trainingSessions.cancelledAt),
      ),
    )
    .all();
}

function chargesByAgency(scope: Scope, period: ReportPeriod): Map<string, number> {
  const { user } = scope;
  const rows = scope.db
    .select({ agencyId: charges.agencyId, pence: sum(charges.amountPence).mapWith(Number) })
    .from(charges)
    .innerJoin(
      trainingSessions,
      and(
        eq(trainingSessions.organisationId, charges.organisationId),
        eq(trainingSessions.id, charges.sessionId),
      ),
    )
    .where(
      and(
        eq(charges.organisationId, user.organisationId),
        isNull(charges.waivedAt),
        visibleAgency(user, charges.agencyId),
        inPeriod(period),
      ),
    )
    .groupBy(charges.agencyId)
    .all();
  return new Map(rows.map((row) => [row.agencyId, row.pence]));
}

function visibleAgencies(scope: Scope) {
  const { user } = scope;
  return scope.db
    .select({
      id: agencies.id,
      name: agencies.name,
      kind: agencies.kind,
      archivedAt: agencies.archivedAt,
    })
    .from(agencies)
    .where(and(eq(agencies.organisationId, user.organisationId), visibleAgency(user, agencies.id)))
    .orderBy(asc(agencies.name))
    .all();
}

const kindRank = (kind: AgencyKind) => AGENCY_KINDS.indexOf(kind);

/**
 * Attendance by agency for the sessions starting in a period (cancelled sessions left out): one
 * row per agency (current agencies always, archived ones when they have figures), in the order
 * of agency kinds, then name; people with no agency in a row of their own when there are any. An
 * agency lead gets their own agency's row only. Charges are the unwaived charges for the
 * period's sessions, by the agency charged.
 */
export function agencyAttendance(scope: Scope, period: ReportPeriod): AgencyAttendanceReport {
  const records = new Map<string | null, AttendanceRecord[]>();
  for (const row of nominationRecords(scope, period)) {
    const list = records.get(row.agencyId) ?? [];
    list.push({
      state: row.state,
      unscheduled: row.unscheduled,
      substitute: row.substitutedForId != null,
      held: Boolean(row.held),
      replaced: Boolean(row.replaced),
      lateCancellation: Boolean(row.late),
    });
    records.set(row.agencyId, list);
  }
  const pence = chargesByAgency(scope, period);
  const agencyRows = visibleAgencies(scope)
    .filter((agency) => agency.archivedAt == null || records.has(agency.id) || pence.has(agency.id))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
    .map((agency) => ({
      agencyId: agency.id,
      agency: agency.name,
      ...attendanceFigures(records.get(agency.id) ?? []),
      chargesPence: pence.get(agency.id) ?? 0,
    }));
  const unassigned = records.get(null);
  const rows: AgencyAttendance[] =
    unassigned === undefined
      ? agencyRows
      : [
          ...agencyRows,
          { agencyId: null, agency: NO_AGENCY, ...attendanceFigures(unassigned), chargesPence: 0 },
        ];
  return {
    rows,
    totals: {
      agencyId: null,
      agency: "Total",
      ...attendanceFigures([...records.values()].flat()),
      chargesPence: rows.reduce((total, row) => total + row.chargesPence, 0),
    },
  };
}

/** The columns of attendance by agency, on the page, in the export and in the committee paper. */
export const AGENCY_ATTENDANCE_COLUMNS: readonly (SectionColumn & {
  key: keyof AgencyAttendance;
})[] = [
  { key: "agency", label: "Agency", format: "text" },
  { key: "bookings", label: "Bookings", format: "count" },
  { key: "attended", label: "Attended", format: "count" },
  { key: "cancelled", label: "Cancelled", format: "count" },
  { key: "lateCancellations", label: "Late cancellations", format: "count" },
  { key: "noShows", label: "No-shows", format: "count" },
  { key: "substitutes", label: "Substitutes", format: "count" },
  { key: "unscheduled", label: "Unscheduled attendees", format: "count" },
  { key: "attendanceRate", label: "Attendance rate", format: "percent" },
  { key: "chargesPence", label: "Charges", format: "money" },
];

function sectionRow(row: AgencyAttendance): SectionRow {
  return Object.fromEntries(
    AGENCY_ATTENDANCE_COLUMNS.map((column) => [column.key, row[column.key]]),
  );
}

/** The board report's attendance by agency section. */
export const attendanceByAgencySection: BoardReportSection = {
  key: "attendance-by-agency",
  title: "Attendance by agency",
  description:
    "Places booked for sessions starting in the period and what became of them. The attendance rate is attended ÷ bookings; walk-ins count as attended but not as bookings. Charges are those not waived.",
  build: (scope, period) => {
    const report = agencyAttendance(scope, period);
    return {
      columns: AGENCY_ATTENDANCE_COLUMNS,
      rows: report.rows.map(sectionRow),
      totals: sectionRow(report.totals),
    };
  },
};
