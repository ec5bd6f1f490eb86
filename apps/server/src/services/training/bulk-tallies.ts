import { eq, sql } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { tallyDeferrals } from "../../db/schema";
import type { Scope } from "../scope";

/** A nomination a bulk write adds (`from` is null) or moves from one state to another. */
export interface TallyChange {
  staffId: string;
  from: NominationState | null;
  to: NominationState;
}

/** A bulk write of nominations, and the changes of state it makes, for withBulkTallies. */
export interface BulkWrite<T> {
  changes: Iterable<TallyChange>;
  /** Makes the writes, in the caller's transaction. */
  run: () => T;
}

/**
 * Runs `bulk.run`, a bulk write of nominations in the caller's transaction, with the tally triggers
 * on nominations switched off for the organisation (migration 0019), then adjusts the running
 * counts for `changes` once per department, manager and state. By trigger the counts cost a
 * statement or two for every row (7–10 µs a nomination in the medium benchmark; see bench/README).
 *
 * `bulk.changes` must be every nomination `run` adds or moves between states, and `run` must not
 * move staff (the staff trigger counts nominations as they stand, so it would see rows whose counts
 * are not yet added). Everything happens in one transaction: if anything throws, the deferral row
 * and every write roll back together, and no other connection ever sees the row.
 */
export function withBulkTallies<T>(tx: Queryable, scope: Scope, bulk: BulkWrite<T>): T {
  const { changes, run } = bulk;
  const organisationId = scope.user.organisationId;
  // A second deferral for the same organisation (a nested bulk write) fails here on the key,
  // rather than one write's adjustment being lost when the inner one removes the row.
  tx.insert(tallyDeferrals).values({ organisationId }).run();
  const result = run();
  adjustTallies(tx, organisationId, changes);
  tx.delete(tallyDeferrals).where(eq(tallyDeferrals.organisationId, organisationId)).run();
  return result;
}

// Changes are added up per person and move in JavaScript first, so SQLite reads one JSON entry
// per person (thousands) rather than per nomination (100,000).
function perPerson(changes: Iterable<TallyChange>): (TallyChange & { n: number })[] {
  const counted = new Map<string, TallyChange & { n: number }>();
  for (const { staffId, from, to } of changes) {
    const key = `${staffId}\u0000${from ?? ""}\u0000${to}`;
    const seen = counted.get(key);
    if (seen === undefined) counted.set(key, { staffId, from, to, n: 1 });
    else seen.n += 1;
  }
  return [...counted.values()];
}

/**
 * Adds what the triggers would have added for `changes`: +1 in the new state and −1 in the old,
 * at the person's department and manager; each (department, manager, state) is written once, and
 * department_tallies follows by its own triggers, once per row changed here. Groups whose changes
 * cancel out are left alone.
 */
function adjustTallies(
  tx: Queryable,
  organisationId: string,
  changes: Iterable<TallyChange>,
): void {
  const counted = perPerson(changes);
  if (counted.length === 0) return;
  const json = JSON.stringify(counted);
  // `WHERE true` keeps SQLite from reading ON CONFLICT as the join's ON (see SQLite's upsert notes).
  tx.run(sql`
    INSERT INTO nomination_tallies (organisation_id, department_id, manager_key, state, nominations)
    SELECT ${organisationId}, s.department_id, coalesce(s.manager_id, ''), c.state, sum(c.n)
    FROM (
      SELECT j.value ->> 'staffId' AS staff_id, j.value ->> 'to' AS state, j.value ->> 'n' AS n
      FROM json_each(${json}) j
      UNION ALL
      SELECT j.value ->> 'staffId', j.value ->> 'from', -(j.value ->> 'n')
      FROM json_each(${json}) j WHERE j.value ->> 'from' IS NOT NULL
    ) c
    JOIN staff s ON s.organisation_id = ${organisationId} AND s.id = c.staff_id
    WHERE true
    GROUP BY s.department_id, coalesce(s.manager_id, ''), c.state
    HAVING sum(c.n) <> 0
    ON CONFLICT (organisation_id, department_id, manager_key, state)
    DO UPDATE SET nominations = nominations + excluded.nominations
  `);
}
