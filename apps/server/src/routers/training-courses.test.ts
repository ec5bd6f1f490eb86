import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog, courses } from "../db/schema";
import { createCourse, scopeAs } from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const awareness = {
  title: "Domestic abuse awareness",
  level: 1,
  refresherIntervalMonths: 36,
  description: "Half a day, for all staff",
};

describe("training courses", () => {
  test("HR adds and changes courses; everyone lists them by level then title", async () => {
    const caller = t.app.caller(t.org.users.hr);
    const course = await caller.training.courses.create(awareness);
    expect(course).toMatchObject({ ...awareness, id: expect.any(String) as string });
    await caller.training.courses.create({ title: "DASH risk assessment", level: 3 });
    await expect(
      caller.training.courses.update({ id: course.id, data: { refresherIntervalMonths: null } }),
    ).resolves.toMatchObject({ title: awareness.title, refresherIntervalMonths: null });
    const listed = await t.app.caller(t.org.users.manager).training.courses.list();
    expect(listed.map((item) => [item.title, item.level, item.description])).toEqual([
      ["Domestic abuse awareness", 1, "Half a day, for all staff"],
      ["DASH risk assessment", 3, ""],
    ]);
    const audits = t.app.db.select().from(auditLog).where(eq(auditLog.entity, "course")).all();
    expect(audits.map((row) => row.action)).toEqual(["create", "create", "update"]);
  });

  test("a title already used is a conflict on the title field", async () => {
    const caller = t.app.caller(t.org.users.hr);
    await caller.training.courses.create(awareness);
    const second = await caller.training.courses.create({ ...awareness, title: "Other" });
    await expect(caller.training.courses.create(awareness)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A course called Domestic abuse awareness already exists",
      cause: { field: "title" },
    });
    await expect(
      caller.training.courses.update({ id: second.id, data: { title: awareness.title } }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "title" } });
  });

  test("levels outside 1 to 4 and silly refresher intervals are refused, naming the field", async () => {
    const caller = t.app.caller(t.org.users.hr);
    await expect(caller.training.courses.create({ ...awareness, level: 5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "level: must be a whole number from 1 to 4",
    });
    await expect(
      caller.training.courses.create({ ...awareness, refresherIntervalMonths: 0 }),
    ).rejects.toMatchObject({ message: "refresherIntervalMonths: must be at least 1 month" });
    expect(t.app.db.select().from(courses).all()).toEqual([]);
  });

  test("roles, sign-in and tenancy", async () => {
    const theirs = createCourse(scopeAs(t.app, t.other.users.hr));
    createCourse(t.hr);
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).training.courses.create(awareness),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        t.app
          .caller(t.org.users[role])
          .training.courses.update({ id: theirs.id, data: { level: 2 } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).training.courses.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      t.app
        .caller(t.org.users.admin)
        .training.courses.update({ id: theirs.id, data: { level: 2 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Course not found" });
    const listed = await t.app.caller(t.org.users.admin).training.courses.list();
    expect(listed.map((course) => course.id)).not.toContain(theirs.id);
    expect(listed).toHaveLength(1);
  });
});
