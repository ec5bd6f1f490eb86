import { sql } from "drizzle-orm";
import { EVIDENCE_KINDS, EVIDENCE_STATUSES } from "@dapkit/schemas";
import {
  foreignKey,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";
import { users } from "./users";

export const evidenceItems = sqliteTable(
  "evidence_items",
  {
    ...tenantColumns,
    frameworkId: text().notNull(),
    areaId: text().notNull(),
    title: text().notNull(),
    kind: text({ enum: EVIDENCE_KINDS }).notNull(),
    owner: text().notNull(),
    effectiveDate: text().notNull(),
    reviewDate: text(),
    expiryDate: text(),
    status: text({ enum: EVIDENCE_STATUSES }).notNull(),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex("evidence_items_tenant_uq").on(table.organisationId, table.id),
    index("evidence_items_area_idx").on(table.organisationId, table.areaId, table.status),
    // The evidence list's order (title, case aside, then id), for the whole library and one area.
    index("evidence_items_title_idx").on(
      table.organisationId,
      table.frameworkId,
      sql`${table.title} collate nocase`,
      table.id,
    ),
    index("evidence_items_area_title_idx").on(
      table.organisationId,
      table.areaId,
      sql`${table.title} collate nocase`,
      table.id,
    ),
  ],
);

/** Append-only: each upload is a new revision; the file is stored by its sha256. */
export const evidenceRevisions = sqliteTable(
  "evidence_revisions",
  {
    ...tenantColumns,
    evidenceId: text().notNull(),
    revision: integer().notNull(),
    sha256: text().notNull(),
    sizeBytes: integer().notNull(),
    mediaType: text().notNull(),
    fileName: text().notNull(),
    uploadedBy: text()
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex("evidence_revisions_revision_uq").on(table.evidenceId, table.revision),
    index("evidence_revisions_sha_idx").on(table.sha256),
    foreignKey({
      columns: [table.organisationId, table.evidenceId],
      foreignColumns: [evidenceItems.organisationId, evidenceItems.id],
    }),
  ],
);

/** Append-only history of an evidence item's status. */
export const evidenceEvents = sqliteTable(
  "evidence_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: text().notNull(),
    evidenceId: text().notNull(),
    status: text({ enum: EVIDENCE_STATUSES }).notNull(),
    at: timestamp().notNull(),
    byUserId: text()
      .notNull()
      .references(() => users.id),
    note: text().notNull().default(""),
  },
  (table) => [
    index("evidence_events_evidence_idx").on(table.evidenceId),
    foreignKey({
      columns: [table.organisationId, table.evidenceId],
      foreignColumns: [evidenceItems.organisationId, evidenceItems.id],
    }),
  ],
);
