import { and, eq, sql, type SQL } from "drizzle-orm";
import { expect, test } from "vitest";

import { evidenceItems, staff } from "../db/schema";
import { createTestApp } from "../test/test-app";
import { keysetPage, type Keyset } from "./pagination";

// A page asked for by position must start its index search at the position. SQLite cannot start
// one from the `or` that says "beyond this key", so without the first column's own bound it reads
// the index from the top down to the position: a deep page would cost as much as all before it.

const app = createTestApp();

// The query plan of the page `keyset` gives after the position ["M", "m"] (or before it).
function planAt(
  keyset: Keyset<unknown>,
  query: { table: typeof staff | typeof evidenceItems; where: SQL | undefined },
  direction: "after" | "before",
): string[] {
  const position = Buffer.from(JSON.stringify(["M", "m"])).toString("base64url");
  let plan: string[] = [];
  keysetPage({ page: 2, pageSize: 50, [direction]: position }, keyset, {
    total: 0,
    fetch: (window) => {
      const { sql: text, params } = app.db
        .select({ id: query.table.id })
        .from(query.table)
        .where(and(query.where, window.where))
        .orderBy(...window.orderBy)
        .limit(window.limit)
        .toSQL();
      plan = app.db.$client
        .prepare<unknown[], { detail: string }>(`explain query plan ${text}`)
        .all(...params)
        .map((row) => row.detail);
      return [];
    },
  });
  return plan;
}

test("the staff list's page by key searches its index from the position, either way", () => {
  const keyset: Keyset<unknown> = {
    columns: [{ column: staff.name }, { column: staff.employeeNumber }],
    keyOf: () => [],
  };
  for (const direction of ["after", "before"] as const) {
    expect(
      planAt(keyset, { table: staff, where: eq(staff.organisationId, "o1") }, direction).join("\n"),
    ).toMatch(/USING (COVERING )?INDEX staff_name_idx \(organisation_id=\? AND name[<>]\?\)/);
  }
});

test("the evidence list's order in another collation searches its index from the position", () => {
  const keyset: Keyset<unknown> = {
    columns: [{ column: sql`${evidenceItems.title} collate nocase` }, { column: evidenceItems.id }],
    keyOf: () => [],
  };
  const where = and(eq(evidenceItems.organisationId, "o1"), eq(evidenceItems.frameworkId, "f1"));
  expect(planAt(keyset, { table: evidenceItems, where }, "after").join("\n")).toMatch(
    /USING (COVERING )?INDEX evidence_items_title_idx \(organisation_id=\? AND framework_id=\? AND title>\?\)/,
  );
});
