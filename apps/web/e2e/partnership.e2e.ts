import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { londonToday } from "@dapkit/schemas";
import {
  chargeFor,
  DEFAULT_BANK_HOLIDAYS,
  workingDaysBetween,
  type ChargingPolicy,
} from "@dapkit/training";

import { apiAs } from "./support/api";
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  settled,
  signIn,
  USERS,
} from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

// The journey in the demo partnership: the police's agency lead nominates their own
// people only; a late cancellation (its notice counted in working days across a bank holiday), a
// no-show and a free substitution are each charged as the policy says; a waiver is audited; the
// board report shows the figures; axe finds nothing on the partnership pages.

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Named {
  id: string;
  name: string;
}
interface Charge {
  id: string;
  kind: string;
  nominationId: string;
  sessionId: string;
  agencyName: string;
  amountPence: number;
  sessionStartsAt: string;
  waivedAt: string | null;
}
interface Policy {
  policy: ChargingPolicy;
}

const LEAD_AGENCY = "Northshire Police";
const OTHER_AGENCY = "Haven Women's Aid";

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let hr: Api;
let lead: Api;

beforeAll(async () => {
  server = await startServer({ partnership: true });
  browser = await launchBrowser();
  hr = await apiAs(server.baseUrl, USERS.hr);
  lead = await apiAs(server.baseUrl, USERS.agencyLead);
});

afterAll(async () => {
  await browser.close();
  await server.stop();
});

async function peopleOf(agencyName: string): Promise<Named[]> {
  const agencies = await hr.query<Named[]>("partnership.agencies.list");
  const agency = agencies.find((each) => each.name === agencyName);
  const page = await hr.query<{ items: Named[] }>("staff.list", {
    page: 1,
    pageSize: 50,
    agencyId: agency?.id,
  });
  return page.items;
}

function weekdaysAfter(date: string, count: number): string[] {
  const days: string[] = [];
  let at = Date.parse(`${date}T12:00:00Z`);
  while (days.length < count) {
    at += 86_400_000;
    const day = new Date(at);
    const iso = day.toISOString().slice(0, 10);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    if (!weekend && !DEFAULT_BANK_HOLIDAYS.some((holiday) => holiday.date === iso)) days.push(iso);
  }
  return days;
}

async function chargesFor(nominationId: string): Promise<Charge[]> {
  const list = await hr.query<{ charges: Charge[] }>("charges.list", {});
  return list.charges.filter((charge) => charge.nominationId === nominationId);
}

async function book(sessionId: string, staffId: string): Promise<string> {
  const [made] = await hr.mutate<{ id: string }[]>("training.nominations.create", {
    sessionId,
    staffIds: [staffId],
    reason: "Partnership training programme",
    mandatory: false,
  });
  const id = made?.id ?? "";
  await hr.mutate("training.nominations.book", { id, note: "" });
  return id;
}

test("the agency lead nominates their own people and is offered nobody else's", async () => {
  const police = await peopleOf(LEAD_AGENCY);
  const haven = await peopleOf(OTHER_AGENCY);
  const sessions = await hr.query<{ items: { id: string }[] }>("training.sessions.list", {
    from: londonToday(new Date()),
    page: 1,
    pageSize: 10,
  });
  const session = sessions.items[0];
  if (session === undefined) throw new Error("the demo has no upcoming session");
  const { page } = await newPage(browser, server.baseUrl);
  await signIn(page, "agencyLead");
  await page.goto(`/training/sessions/${session.id}/nominate`);
  await settled(page);
  const offered = await page.locator(".govuk-checkboxes__label").allTextContents();
  const first = police[0];
  if (first === undefined) throw new Error("the police have nobody in the demo");
  expect(offered.some((label) => label.includes(first.name))).toBe(true);
  for (const person of haven) expect(offered.join(" ")).not.toContain(person.name);
  await page.getByLabel(first.name).check();
  await page.getByRole("button", { name: "Nominate selected staff" }).click();
  await page.getByText("1 person nominated").waitFor();
  // A direct link to another agency's person is not found for the agency lead.
  await page.goto(`/staff/${haven[0]?.id ?? ""}`);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  await page.context().close();
});

test("a late cancellation across a bank holiday, and a free substitution, are charged as the policy says", async () => {
  const police = await peopleOf(LEAD_AGENCY);
  const today = londonToday(new Date());
  // A bank holiday declared on the next working day, and a full-day session two working days on.
  const [holiday = "", , sessionDay = ""] = weekdaysAfter(today, 3);
  const holidays = [...DEFAULT_BANK_HOLIDAYS, { date: holiday, title: "Extra bank holiday" }].sort(
    (a, b) => a.date.localeCompare(b.date),
  );
  await hr.mutate("charges.policy.uploadBankHolidays", {
    file: JSON.stringify({
      "england-and-wales": {
        division: "england-and-wales",
        events: holidays.map((each) => ({ ...each, notes: "", bunting: true })),
      },
    }),
  });
  // The notice the policy asks for is exactly what the days would give without the holiday, so
  // only the holiday makes the cancellation late.
  const { policy: before } = await hr.query<Policy>("charges.policy.get");
  const policy = {
    ...before,
    noticeWorkingDays: workingDaysBetween(today, sessionDay, DEFAULT_BANK_HOLIDAYS),
  };
  await hr.mutate("charges.policy.update", policy);
  const courses = await hr.query<{ id: string }[]>("training.courses.list");
  const session = await hr.mutate<{ id: string }>("training.sessions.create", {
    courseId: courses[0]?.id,
    startsAt: `${sessionDay}T08:30:00Z`,
    endsAt: `${sessionDay}T15:30:00Z`,
    capacity: 20,
    location: "Northshire Partnership Training Centre",
    trainer: "Haven Women's Aid training team",
  });
  const [cancelling, replaced, standIn] = police.slice(1, 4);
  const lateId = await book(session.id, cancelling?.id ?? "");
  await lead.mutate("training.nominations.cancel", { id: lateId, note: "Called to court" });
  const event = {
    kind: "cancelled" as const,
    member: true,
    substituted: false,
    sessionMinutes: 420,
    sessionDate: sessionDay,
    cancelledOn: today,
  };
  expect(chargeFor(policy, event, DEFAULT_BANK_HOLIDAYS)).toBeNull();
  const expected = chargeFor(policy, event, holidays);
  expect(expected?.amountPence).toBe(policy.lateCancellation.fullDayPence);
  const [late] = await chargesFor(lateId);
  expect(late).toMatchObject({ kind: "late_cancellation", amountPence: expected?.amountPence });

  const replacedId = await book(session.id, replaced?.id ?? "");
  await lead.mutate("training.nominations.substitute", {
    nominationId: replacedId,
    staffId: standIn?.id,
    reason: "Off sick; a colleague goes instead",
  });
  expect(await chargesFor(replacedId)).toEqual([]);
});

test("a no-show is charged as the policy says, and a waived charge is in the audit log", async () => {
  const list = await hr.query<{ charges: Charge[] }>("charges.list", {});
  const { policy } = await hr.query<Policy>("charges.policy.get");
  const noShow = list.charges.find(
    (charge) => charge.kind === "no_show" && charge.waivedAt == null,
  );
  if (noShow === undefined) throw new Error("the demo has no no-show charge");
  const session = await hr.query<{ startsAt: string; endsAt: string }>("training.sessions.get", {
    id: noShow.sessionId,
  });
  const minutes = (Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000;
  const expected = chargeFor(
    policy,
    { kind: "not_attended", member: true, substituted: false, sessionMinutes: minutes },
    DEFAULT_BANK_HOLIDAYS,
  );
  expect(noShow.amountPence).toBe(expected?.amountPence);
  await hr.mutate("charges.waive", { id: noShow.id, reason: "Taken ill on the morning" });

  const { page } = await newPage(browser, server.baseUrl);
  await signIn(page, "admin");
  await page.goto("/audit");
  await settled(page);
  await page.getByText("Taken ill on the morning").first().waitFor();
  await boardReport(page);
  await page.context().close();
});

async function boardReport(page: Page): Promise<void> {
  await page.goto("/partnership");
  await settled(page);
  await expectNoAxeViolations(page, "the partnership page");
  await page.getByRole("link", { name: "Board report" }).click();
  await settled(page);
  const table = page.getByRole("table", { name: "Attendance by agency" });
  await table.getByRole("rowheader", { name: LEAD_AGENCY }).waitFor();
  const totals = await table.locator("tfoot tr").first().textContent();
  expect(totals).toMatch(/^Total/);
  const report = await hr.query<{ sections: { key: string; totals?: Record<string, number> }[] }>(
    "boardReport.get",
    {},
  );
  const attendance = report.sections.find((section) => section.key === "attendance-by-agency");
  expect(totals).toContain(String(attendance?.totals?.bookings));
  await expectNoAxeViolations(page, "the board report");
}
