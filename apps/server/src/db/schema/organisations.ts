import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const organisations = sqliteTable("organisations", {
  id: text().primaryKey(),
  name: text().notNull(),
  createdAt: text().notNull(),
});
