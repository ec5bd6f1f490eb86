import {
  foreignKey,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { tenantColumns, timestamp } from "./columns";
import { agencies } from "./partnership";

export const departments = sqliteTable(
  "departments",
  {
    ...tenantColumns,
    name: text().notNull(),
    createdAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex("departments_name_uq").on(table.organisationId, table.name),
    // Lets other tables reference (organisation, department) so a row can never point across tenants.
    uniqueIndex("departments_tenant_uq").on(table.organisationId, table.id),
  ],
);

export const staff = sqliteTable(
  "staff",
  {
    ...tenantColumns,
    employeeNumber: text().notNull(),
    name: text().notNull(),
    email: text(),
    jobTitle: text().notNull(),
    departmentId: text().notNull(),
    managerId: text(),
    /** The partnership agency the person works for; null in an organisation that is not a partnership. */
    // A plain reference: a composite (organisation, agency) key would need the table rebuilt, losing
    // its triggers; the partnership services check an agency is the organisation's before using it.
    agencyId: text().references(() => agencies.id),
    active: integer({ mode: "boolean" }).notNull().default(true),
    /** The first day of employment, `YYYY-MM-DD`, if known. */
    startDate: text(),
    /** The last day of employment, `YYYY-MM-DD`: from the day after, they are a former member of staff. */
    leavingDate: text(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex("staff_employee_number_uq").on(table.organisationId, table.employeeNumber),
    uniqueIndex("staff_tenant_uq").on(table.organisationId, table.id),
    // With the id and name, a department's people are listed and sorted from the index alone.
    index("staff_department_idx").on(
      table.organisationId,
      table.departmentId,
      table.id,
      table.name,
    ),
    // A department's people in the staff list's order (name, then employee number): the never
    // trained list reads every department's in the order of their names from it, page by page,
    // rather than sorting the whole staff for each page.
    index("staff_department_name_idx").on(
      table.organisationId,
      table.departmentId,
      table.name,
      table.employeeNumber,
    ),
    // The staff list's order (name, then the unique employee number): a page by key is read from
    // the index in order, rather than every person sorted for each page.
    index("staff_name_idx").on(table.organisationId, table.name, table.employeeNumber),
    index("staff_manager_idx").on(table.organisationId, table.managerId),
    index("staff_agency_idx").on(table.organisationId, table.agencyId),
    foreignKey({
      columns: [table.organisationId, table.departmentId],
      foreignColumns: [departments.organisationId, departments.id],
    }),
    foreignKey({
      columns: [table.organisationId, table.managerId],
      foreignColumns: [table.organisationId, table.id],
    }),
  ],
);
