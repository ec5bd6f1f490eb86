import { and, eq } from "drizzle-orm";

import { evidenceStatusAsOf } from "@dapkit/daha";
import type { EvidenceStatus } from "@dapkit/schemas";
import { uptakeFunnel } from "@dapkit/training";

import { tables, type Db, type SessionUser } from "../server";

const { nominations, staff, evidenceItems } = tables;

// The naive way to report: read every nomination the user may see into JavaScript and count
// there (what the uptake report did before it counted in SQL).
export function naiveUptake(db: Db, user: SessionUser) {
  const rows = db
    .select({
      state: nominations.state,
      departmentId: staff.departmentId,
      managerId: staff.managerId,
    })
    .from(nominations)
    .innerJoin(
      staff,
      and(eq(staff.organisationId, nominations.organisationId), eq(staff.id, nominations.staffId)),
    )
    .where(eq(nominations.organisationId, user.organisationId))
    .all();
  const { groups, ...overall } = uptakeFunnel(rows, { groupBy: "departmentId" });
  return { overall, groups, managers: uptakeFunnel(rows, { groupBy: "managerId" }).groups };
}

// The naive list page: every matching nomination read, then sorted and sliced in JavaScript.
export function naiveListPage(
  db: Db,
  input: {
    organisationId: string;
    departmentId: string;
    state: "fully_attended";
    page: number;
    pageSize: number;
  },
) {
  const rows = db
    .select({ id: nominations.id, name: staff.name, stateChangedAt: nominations.stateChangedAt })
    .from(nominations)
    .innerJoin(
      staff,
      and(eq(staff.organisationId, nominations.organisationId), eq(staff.id, nominations.staffId)),
    )
    .where(
      and(
        eq(nominations.organisationId, input.organisationId),
        eq(staff.departmentId, input.departmentId),
        eq(nominations.state, input.state),
      ),
    )
    .all();
  rows.sort(
    (a, b) => b.stateChangedAt.localeCompare(a.stateChangedAt) || a.name.localeCompare(b.name),
  );
  const first = (input.page - 1) * input.pageSize;
  return { total: rows.length, items: rows.slice(first, first + input.pageSize) };
}

// The naive training record: every nomination of the organisation read, the person's picked out.
export function naiveStaffRecord(db: Db, input: { organisationId: string; staffId: string }) {
  return db
    .select({ id: nominations.id, staffId: nominations.staffId, state: nominations.state })
    .from(nominations)
    .where(eq(nominations.organisationId, input.organisationId))
    .all()
    .filter((row) => row.staffId === input.staffId);
}

// The naive readiness: every evidence item and every nomination's state read into JavaScript.
export function naiveReadiness(db: Db, organisationId: string) {
  const evidence = db
    .select()
    .from(evidenceItems)
    .where(eq(evidenceItems.organisationId, organisationId))
    .all();
  const states = db
    .select({ state: nominations.state })
    .from(nominations)
    .where(eq(nominations.organisationId, organisationId))
    .all();
  return { evidence: evidence.length, uptake: uptakeFunnel(states) };
}

// The naive evidence page (what the evidence list did before it paged by key): every item of the
// organisation read, its status worked out for the day, filtered, sorted by title and sliced.
// Lighter than the list it stands for: it leaves out each item's newest file.
export function naiveEvidencePage(
  db: Db,
  input: {
    organisationId: string;
    today: string;
    status?: EvidenceStatus;
    page: number;
    pageSize: number;
  },
) {
  const rows = db
    .select()
    .from(evidenceItems)
    .where(eq(evidenceItems.organisationId, input.organisationId))
    .all()
    .map((item) => ({ ...item, status: evidenceStatusAsOf(item, input.today) }))
    .filter((item) => input.status === undefined || item.status === input.status);
  rows.sort(
    (a, b) =>
      a.title.toLowerCase().localeCompare(b.title.toLowerCase()) || a.id.localeCompare(b.id),
  );
  const first = (input.page - 1) * input.pageSize;
  return { total: rows.length, items: rows.slice(first, first + input.pageSize) };
}
