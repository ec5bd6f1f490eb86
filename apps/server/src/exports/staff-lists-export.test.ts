import { eq } from "drizzle-orm";
import { expect, test } from "vitest";

import { readCsvRecords } from "@dapkit/csv";

import type { SessionUser } from "../auth/session-user";
import { createContextInner } from "../context";
import { nominations } from "../db/schema";
import {
  createBookings,
  createCourse,
  createSession,
  createStaff,
  linkManager,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";
import { runExport } from "./run-export";

const t = useTwoOrganisations();

async function csvOf(name: string, user: SessionUser): Promise<Record<string, string>[]> {
  const ctx = createContextInner(t.app.deps, { session: { id: "export-session", user } });
  const file = await runExport(ctx, { name, format: "csv" });
  expect(file.fileName).toBe(`dapkit-${name}-2022-04-05.csv`);
  const records: (readonly string[])[] = [];
  readCsvRecords(
    Buffer.from(file.body).toString("utf8"),
    (record) => records.push(record.cells) > 0,
  );
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((heading, i) => [heading, row[i] ?? ""])));
}

// Ada completed a course with a yearly refresher in March 2021 (so overdue); Bo never trained;
// both are managed by Mo, whose manager user sees only them.
function seed() {
  const boss = createStaff(t.hr, { name: "Mo Boss" });
  const ada = createStaff(t.hr, { name: "Ada Trained", managerId: boss.id });
  createStaff(t.hr, { name: "Bo Untrained", managerId: boss.id });
  const course = createCourse(t.hr, { title: "Risk assessment", refresherIntervalMonths: 12 });
  const session = createSession(t.hr, {
    courseId: course.id,
    startsAt: "2021-03-01T09:00:00.000Z",
    endsAt: "2021-03-01T12:00:00.000Z",
  });
  const [booking] = createBookings(t.hr, { sessionId: session.id, staffIds: [ada.id] });
  t.app.db
    .update(nominations)
    .set({ state: "fully_attended" })
    .where(eq(nominations.id, booking?.id ?? ""))
    .run();
  return linkManager(t.hr, t.org.users.manager, boss.id);
}

test("the never-trained list downloads as CSV: current staff with no attendance, scoped to a manager's team", async () => {
  const manager = seed();
  const everyone = await csvOf("never-trained", t.org.users.hr);
  expect(everyone.map((row) => row.Name)).toEqual(["Bo Untrained", "Mo Boss"]);
  const team = await csvOf("never-trained", manager);
  expect(team.map((row) => row.Name)).toEqual(["Bo Untrained"]);
});

test("the refreshers-due list downloads as CSV with the words and dates the page shows", async () => {
  seed();
  const rows = await csvOf("refreshers-due", t.org.users.hr);
  expect(rows).toMatchObject([
    { Name: "Ada Trained", Course: "Risk assessment", Due: "2022-03-01", Status: "Overdue" },
  ]);
});
