import { text } from "drizzle-orm/sqlite-core";

import { organisations } from "./organisations";

// Every tenant-owned table starts with these: a text id and the organisation it belongs to.
export const tenantColumns = {
  id: text().primaryKey(),
  organisationId: text()
    .notNull()
    .references(() => organisations.id),
};

/** ISO-8601 UTC timestamps sort as text, so they are stored as text. */
export const timestamp = () => text();
