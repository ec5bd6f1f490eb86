import { and, count, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { funnelFromCounts } from "@dapkit/training";

import type { Queryable } from "../../../db/client";
import { nominations, staff, trainingSessions } from "../../../db/schema";
import { withinDays } from "../../training/date-range";
import { sessionOfNomination, staffOfNomination } from "../../training/nomination-items";

/** Places booked and people who attended, for one agency's staff over a stretch of days. */
export interface AgencyActivity {
  placesBooked: number;
  attendees: number;
}

/** The first and last UK days of a financial year, `YYYY-MM-DD`. */
export function financialYearDays(financialYearStart: number): { from: string; to: string } {
  return {
    from: `${String(financialYearStart)}-04-01`,
    to: `${String(financialYearStart + 1)}-03-31`,
  };
}

/**
 * Each agency's places booked (booked or with attendance marked) and attendees (fully or partly
 * attended) on sessions starting within the days (people with no agency under `null`), counted by @dapkit/training's funnel so that
 * "booked" and "attended" mean what they mean on every other report.
 */
export function agencyActivity(
  db: Queryable,
  organisationId: string,
  days: { from: string; to: string },
): Map<string | null, AgencyActivity> {
  const rows = db
    .select({ agencyId: staff.agencyId, state: nominations.state, count: count() })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, organisationId),
        withinDays(trainingSessions.startsAt, days),
      ),
    )
    .groupBy(staff.agencyId, nominations.state)
    .all();
  const byAgency = new Map<string | null, { state: NominationState; count: number }[]>();
  for (const row of rows) {
    byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), row]);
  }
  return new Map(
    [...byAgency].map(([agencyId, counts]) => {
      const funnel = funnelFromCounts(counts);
      return [agencyId, { placesBooked: funnel.booked, attendees: funnel.attended }];
    }),
  );
}
