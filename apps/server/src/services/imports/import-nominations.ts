import { and, eq, sql } from "drizzle-orm";
import * as z from "zod";

import { IdSchema, NoteSchema } from "@dapkit/schemas";
import { hasEnded } from "@dapkit/training";

import type { IssueList } from "@dapkit/csv";

import type { Queryable } from "../../db/client";
import { preparedStatement } from "../../db/prepared";
import { nominations } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudits } from "../audit/record-audit";
import type { Scope } from "../scope";
import { runsAsPartnership } from "../partnership/agencies/agency-reference";
import { agencyPlaceLedger } from "../training/agency-places";
import { withBulkTallies, type TallyChange } from "../training/bulk-tallies";
import { insertNominations, type NewNomination } from "../training/nomination-writes";
import { EmployeeNumberCell, yesNoCell } from "./csv-cells";
import { sessionRefusals } from "./lookups";
import { rowTargets } from "./row-targets";
import {
  runImport,
  type ImportHooks,
  type ImportInput,
  type ImportPlan,
  type ImportResult,
  type ImportRows,
} from "./run-import";

/** The columns of a nominations file. */
export const NOMINATION_COLUMNS = ["employee_number", "session_id", "reason", "mandatory"] as const;

const NominationRowSchema = z.object({
  employee_number: EmployeeNumberCell,
  session_id: IdSchema,
  reason: NoteSchema,
  mandatory: yesNoCell(false),
});

type NominationRow = z.output<typeof NominationRowSchema>;

interface ReasonChange {
  id: string;
  before: { reason: string; mandatory: boolean };
  after: { reason: string; mandatory: boolean };
}

// Prepared once per connection: a file may change the reasons of thousands of nominations. One
// row per statement, unlike the inserts: given an UPDATE … FROM a JSON batch, SQLite walks every
// nomination of the organisation and scans the batch for each.
const updateReasonRow = preparedStatement((db) =>
  db
    .update(nominations)
    // Update values are typed as values or SQL, so the placeholders go in as SQL (unencoded).
    .set({
      reason: sql`${sql.placeholder("reason")}`,
      mandatory: sql`${sql.placeholder("mandatory")}`,
    })
    .where(
      and(
        eq(nominations.organisationId, sql.placeholder("organisationId")),
        eq(nominations.id, sql.placeholder("id")),
      ),
    )
    .prepare(),
);

function updateReasons(tx: Queryable, scope: Scope, changes: readonly ReasonChange[]): void {
  for (const { id, after } of changes) {
    updateReasonRow(tx).run({
      id,
      organisationId: scope.user.organisationId,
      reason: after.reason,
      mandatory: after.mandatory ? 1 : 0,
    });
  }
  recordAudits(
    tx,
    { actor: actorOf(scope.user), at: scope.now, action: "update", entity: "nomination" },
    changes.map(({ id, before, after }) => ({ entityId: id, before, after })),
  );
}

/**
 * In a partnership, why a session is not open to a person's agency (see agencyPlaceLedger), read
 * once per session; elsewhere always null.
 */
function agencyRefusals(tx: Queryable, scope: Scope) {
  const partnership = runsAsPartnership(tx, scope.user.organisationId);
  const ledgers = new Map<string, ReturnType<typeof agencyPlaceLedger>>();
  return (sessionId: string, agencyId: string | null): string | null => {
    if (!partnership) return null;
    const ledger = ledgers.get(sessionId) ?? agencyPlaceLedger(tx, scope, sessionId);
    ledgers.set(sessionId, ledger);
    return ledger.refusal(agencyId);
  };
}

function planNominations(
  tx: Queryable,
  scope: Scope,
  input: {
    rows: ImportRows<(typeof NOMINATION_COLUMNS)[number], NominationRow>;
    issues: IssueList;
  },
): ImportPlan {
  const { rows, issues } = input;
  const creates: NewNomination[] = [];
  const updates: ReasonChange[] = [];
  let unchanged = 0;
  const targets = rowTargets(tx, scope, { ...rows, issues });
  // Nobody is nominated for a session once it has started, as in the app.
  const refusals = sessionRefusals(tx, scope, {
    ids: new Set(targets.map((target) => target.row.value.session_id)),
    action: "nominate",
  });
  const notOpen = agencyRefusals(tx, scope);
  for (const { row, person, nomination } of targets) {
    const after = { reason: row.value.reason, mandatory: row.value.mandatory };
    const refusal = refusals.get(row.value.session_id);
    const closedToThem = notOpen(row.value.session_id, person.agencyId);
    // A declined or cancelled nomination is history: the row nominates the person again.
    if (nomination !== undefined && !hasEnded(nomination.state)) {
      const before = { reason: nomination.reason, mandatory: nomination.mandatory };
      if (before.reason === after.reason && before.mandatory === after.mandatory) unchanged += 1;
      else updates.push({ id: nomination.id, before, after });
    } else if (refusal != null) {
      issues.add({ line: row.line, column: "session_id", message: refusal });
    } else if (!person.active) {
      const message = `${person.name} is no longer active, so cannot be nominated`;
      issues.add({ line: row.line, column: "employee_number", message });
    } else if (closedToThem != null) {
      const message = `${person.name} cannot be nominated. ${closedToThem}`;
      issues.add({ line: row.line, column: "employee_number", message });
    } else {
      // A literal: spread copies are slow to make and to write as JSON, 100,000 at a time.
      const { reason, mandatory } = after;
      creates.push({ reason, mandatory, staffId: person.id, sessionId: row.value.session_id });
    }
  }
  return {
    counts: { created: creates.length, updated: updates.length, unchanged },
    extra: {},
    apply(write) {
      // Every new nomination starts in the nominated state; reasons leave the counts alone.
      const added = creates.map(({ staffId }): TallyChange => ({
        staffId,
        from: null,
        to: "nominated",
      }));
      withBulkTallies(write, scope, {
        changes: added,
        run() {
          insertNominations(write, scope, creates);
          updateReasons(write, scope, updates);
        },
      });
    },
  };
}

/**
 * Nominates staff from a CSV file (employee_number, session_id, reason, mandatory). A row for a
 * nomination that exists updates its reason and whether it is mandatory; its state is untouched.
 * All or nothing; importing the same file again changes nothing.
 */
export function importNominationsCsv(
  scope: Scope,
  input: ImportInput,
  hooks: ImportHooks = {},
): ImportResult {
  return runImport(
    scope,
    {
      entity: "nomination",
      columns: NOMINATION_COLUMNS,
      row: NominationRowSchema,
      plan: (tx, rows, issues) => planNominations(tx, scope, { rows, issues }),
      nothing: {},
    },
    { ...input, ...hooks },
  );
}
