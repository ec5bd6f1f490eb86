import { expect, test } from "vitest";

import { users } from "../db/schema";
import { createTestApp } from "../test/test-app";
import { seedDemoIfEmpty } from "./demo";

test("the demo viewer is a member of the manager's team, with training and a certificate to show", async () => {
  const app = createTestApp();
  app.clock.now = new Date("2026-11-23T10:00:00.000Z");
  await seedDemoIfEmpty(app.deps, { password: "demo password for tests" });
  const all = app.db.select().from(users).all();
  const userOf = (role: string) => {
    const user = all.find((row) => row.role === role);
    if (user == null) throw new Error(`no ${role}`);
    return user;
  };
  const mine = await app.caller(userOf("viewer")).myTraining.overview();
  expect(mine.staff).not.toBeNull();
  expect(mine.certificates.length).toBeGreaterThan(0);
  const team = await app.caller(userOf("manager")).staff.list({ page: 1, pageSize: 200 });
  expect(team.items.map((person) => person.id)).toContain(mine.staff?.id);
});
