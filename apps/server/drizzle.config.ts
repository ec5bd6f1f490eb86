import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema, committed, and applied by the server at start.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
  strict: true,
});
