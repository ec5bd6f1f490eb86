import { count, eq } from "drizzle-orm";
import { expect, test } from "vitest";

import { messages } from "../db/schema";
import { allPages } from "../exports/define-export";
import { queueScheduledMessages } from "../services/notifications/scheduled-messages";
import { createBookings, createCourse, createSession, createStaff } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

// More people than SQLite takes parameters in one statement (32,766): a county council's staff.
const PEOPLE = 33_000;

test("the refreshers of more people than one statement can name are all listed, and the scheduler's pass finds them", async () => {
  const course = createCourse(t.hr, { title: "Yearly refresher", refresherIntervalMonths: 12 });
  const session = createSession(t.hr, {
    courseId: course.id,
    startsAt: "2021-04-20T09:00:00Z",
    endsAt: "2021-04-20T12:00:00Z",
  });
  const person = createStaff(t.hr, { name: "Template Person" });
  const [booking] = createBookings(t.hr, { sessionId: session.id, staffIds: [person.id] });
  // Copies of the one person and their attendance, made in SQL: the services would take minutes.
  const sqlite = t.app.db.$client;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${String(PEOPLE - 1)})
         insert into staff (id, organisation_id, employee_number, name, email, job_title, department_id,
           manager_id, active, created_at, updated_at, start_date, leaving_date, agency_id)
         select 'copy-' || i, organisation_id, 'C' || i, 'Copy ' || i, null, job_title, department_id,
           null, 1, created_at, updated_at, null, null, null
         from staff, n where staff.id = ?`,
      )
      .run(person.id);
    sqlite
      .prepare(
        `insert into nominations (id, organisation_id, staff_id, session_id, nominated_by, reason,
           mandatory, state, state_changed_at, created_at, substituted_for_id, unscheduled)
         select 'n-' || s.id, s.organisation_id, s.id, ?, nominations.nominated_by,
           nominations.reason, nominations.mandatory, 'fully_attended',
           nominations.state_changed_at, nominations.created_at, null, 0
         from staff s, nominations where s.id like 'copy-%' and nominations.id = ?`,
      )
      .run(session.id, booking?.id ?? "");
    sqlite
      .prepare("update nominations set state = 'fully_attended' where id = ?")
      .run(booking?.id ?? "");
  })();
  // The test clock reads 5 April 2022: every refresher falls due on 20 April.
  const hr = t.app.caller(t.org.users.hr);
  const first = await hr.reports.refreshersDue({ pageSize: 200 });
  expect(first).toMatchObject({ total: PEOPLE, overdue: 0, dueSoon: PEOPLE });
  const due = await allPages((page) => hr.reports.refreshersDue(page));
  expect(due).toHaveLength(PEOPLE);
  expect(due.every((row) => row.status === "due_soon" && row.dueOn === "2022-04-20")).toBe(true);
  queueScheduledMessages(t.app.db, t.app.clock.now);
  const [queued] = t.app.db
    .select({ total: count() })
    .from(messages)
    .where(eq(messages.kind, "refresher_due"))
    .all();
  expect(queued?.total).toBe(PEOPLE);
});
