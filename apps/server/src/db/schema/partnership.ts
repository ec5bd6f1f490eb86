import { AGENCY_KINDS, CHARGE_KINDS } from "@dapkit/contract";
import {
  foreignKey,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";

/**
 * The agencies of a partnership (councils, police, NHS trusts, probation, voluntary-sector
 * providers). Member agencies fund the programme and book places free; others pay per place.
 * Archived agencies keep their people, bookings and charges but take no new ones.
 */
export const agencies = sqliteTable(
  "agencies",
  {
    ...tenantColumns,
    name: text().notNull(),
    kind: text({ enum: AGENCY_KINDS }).notNull(),
    member: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: timestamp().notNull(),
    archivedAt: timestamp(),
  },
  (table) => [
    uniqueIndex("agencies_name_uq").on(table.organisationId, table.name),
    // Lets other tables reference (organisation, agency) so a row can never point across tenants.
    uniqueIndex("agencies_tenant_uq").on(table.organisationId, table.id),
  ],
);

/**
 * The charges ledger: one row per charge an agency owes under the charging policy, in pence,
 * against the financial year of the session it is for. A charge is never deleted: waiving one
 * records who waived it, when and why (and the audit log says so too).
 */
export const charges = sqliteTable(
  "charges",
  {
    ...tenantColumns,
    agencyId: text().notNull(),
    kind: text({ enum: CHARGE_KINDS }).notNull(),
    /** The booking the charge is for. */
    nominationId: text().notNull(),
    sessionId: text().notNull(),
    staffId: text().notNull(),
    amountPence: integer().notNull(),
    /** The April–March year of the session, by the year it starts in (2026 for 2026/27). */
    financialYearStart: integer().notNull(),
    /** The UK date the charge arose (the cancellation, or the session's day), `YYYY-MM-DD`. */
    chargedOn: text().notNull(),
    /** How the amount was worked out, in words, for the invoice (such as "Full day, 2 working days' notice"). */
    basis: text().notNull().default(""),
    createdAt: timestamp().notNull(),
    waivedAt: timestamp(),
    waivedByUserId: text(),
    waiveReason: text().notNull().default(""),
  },
  (table) => [
    // One charge of each kind per booking, so recording an event twice cannot charge twice.
    uniqueIndex("charges_nomination_kind_uq").on(
      table.organisationId,
      table.nominationId,
      table.kind,
    ),
    index("charges_agency_year_idx").on(
      table.organisationId,
      table.agencyId,
      table.financialYearStart,
    ),
    foreignKey({
      columns: [table.organisationId, table.agencyId],
      foreignColumns: [agencies.organisationId, agencies.id],
    }),
  ],
);
