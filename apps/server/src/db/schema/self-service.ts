import { foreignKey, index, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { organisations } from "./organisations";
import { timestamp } from "./columns";
import { nominations } from "./training";
import { users } from "./users";

/**
 * Nominations a member of staff asked for themselves (from My training), which their line manager
 * approves or declines. The nomination itself is an ordinary one in the nominated state; this row
 * only marks who asked, so every other rule and report treats it like any nomination.
 */
export const trainingRequests = sqliteTable(
  "training_requests",
  {
    nominationId: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    requestedBy: text()
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp().notNull(),
  },
  (table) => [
    index("training_requests_organisation_idx").on(table.organisationId),
    foreignKey({ columns: [table.nominationId], foreignColumns: [nominations.id] }),
  ],
);
