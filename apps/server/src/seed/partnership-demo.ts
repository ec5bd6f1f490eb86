import { and, eq, isNull } from "drizzle-orm";

import type { AgencyKind } from "@dapkit/contract";

import type { SessionUser } from "../auth/session-user";
import type { AppDeps } from "../context";
import { charges, staff, type UserRole } from "../db/schema";
import { DEFAULT_CHARGING_POLICY, updateChargingPolicy } from "../services/charges/charging-policy";
import { waiveCharge } from "../services/charges/waive-charge";
import { updatePartnershipSettings } from "../services/partnership/agencies/partnership-settings";
import { createAgency } from "../services/partnership/agencies/save-agency";
import type { Scope } from "../services/scope";
import { createDepartment } from "../services/staff/departments";
import { createStaff } from "../services/staff/save-staff";
import { closeSession } from "../services/training/close-session";
import { createCourse } from "../services/training/courses";
import { markAttendanceBulk } from "../services/training/mark-attendance";
import { nominate } from "../services/training/nominate";
import {
  approveNomination,
  bookNomination,
  cancelNomination,
} from "../services/training/nomination-actions";
import { createSession } from "../services/training/save-session";
import { substitute } from "../services/training/substitute";
import { addUnscheduledAttendee } from "../services/training/unscheduled-attendee";
import { updateUser } from "../services/users/manage-users";
import { demoName } from "./demo-people";

/** The agency the demo's own council staff work for. */
export const DEMO_HOST_AGENCY = "Northshire Borough Council";

/** The agency the demo agency lead acts for. */
export const DEMO_LEAD_AGENCY = "Northshire Police";

interface DemoAgency {
  name: string;
  kind: AgencyKind;
  member: boolean;
  /** The team its people in the demo belong to (a department of the tracker). */
  team: string;
  jobTitle: string;
}

/** The partner agencies that send people to the partnership's sessions, six members and one not. */
export const DEMO_PARTNER_AGENCIES: readonly DemoAgency[] = [
  {
    name: "Northshire County Council",
    kind: "county_council",
    member: true,
    team: "County Children's Social Care",
    jobTitle: "Social worker",
  },
  {
    name: "Eastvale District Council",
    kind: "district_council",
    member: true,
    team: "Eastvale Housing Solutions",
    jobTitle: "Housing solutions officer",
  },
  {
    name: DEMO_LEAD_AGENCY,
    kind: "police",
    member: true,
    team: "Police Public Protection Unit",
    jobTitle: "Police constable",
  },
  {
    name: "Northshire Community NHS Trust",
    kind: "nhs_trust",
    member: true,
    team: "Trust Health Visiting",
    jobTitle: "Health visitor",
  },
  {
    name: "Northshire Probation Delivery Unit",
    kind: "probation",
    member: true,
    team: "Probation Case Management",
    jobTitle: "Probation officer",
  },
  {
    name: "Haven Women's Aid",
    kind: "voluntary_sector",
    member: true,
    team: "Haven Outreach",
    jobTitle: "Outreach worker",
  },
  {
    name: "Brightwater Housing Association",
    kind: "other",
    member: false,
    team: "Brightwater Tenancy Support",
    jobTitle: "Tenancy support officer",
  },
];

const PEOPLE_PER_AGENCY = 6;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** How long ago each past partnership session was, in days: a year's programme. */
const SESSION_DAYS_AGO = [300, 240, 180, 120, 75, 35] as const;

interface DemoContext {
  deps: AppDeps;
  users: Record<UserRole, SessionUser>;
}

function scopeAt(context: DemoContext, role: UserRole, at: Date): Scope {
  return { db: context.deps.db, user: context.users[role], now: at };
}

function seedAgencies(context: DemoContext, now: Date) {
  const admin = scopeAt(context, "admin", now);
  const hr = scopeAt(context, "hr", now);
  const host = createAgency(admin, {
    name: DEMO_HOST_AGENCY,
    kind: "district_council",
    member: true,
  });
  // The council's own people joined the partnership with their council: one update, not a
  // hundred saves, so a first start stays quick.
  context.deps.db
    .update(staff)
    .set({ agencyId: host.id })
    .where(and(eq(staff.organisationId, admin.user.organisationId), isNull(staff.agencyId)))
    .run();
  updatePartnershipSettings(admin, { runsAsPartnership: true });
  let number = 0;
  return DEMO_PARTNER_AGENCIES.map((agency) => {
    const { id } = createAgency(admin, {
      name: agency.name,
      kind: agency.kind,
      member: agency.member,
    });
    const { id: departmentId } = createDepartment(hr, { name: agency.team });
    const size = agency.member ? PEOPLE_PER_AGENCY : 2;
    const people = Array.from({ length: size }, () => {
      number += 1;
      return createStaff(hr, {
        employeeNumber: `PA${String(number).padStart(4, "0")}`,
        name: demoName(620 + number),
        email: null,
        jobTitle: agency.jobTitle,
        departmentId,
        managerId: null,
        active: true,
        agencyId: id,
      }).id;
    });
    return { id, name: agency.name, member: agency.member, people };
  });
}

type SeededAgency = ReturnType<typeof seedAgencies>[number];

// Member agencies in turn, starting with a different one each session, so every agency has each
// kind of event over the year.
function rotated(members: readonly SeededAgency[], by: number): SeededAgency[] {
  return [...members.slice(by % members.length), ...members.slice(0, by % members.length)];
}

function nth(order: readonly SeededAgency[], index: number): SeededAgency {
  const agency = order[index];
  if (agency === undefined) throw new Error("The demo partnership has too few member agencies");
  return agency;
}

function person(agency: SeededAgency, index: number): string {
  return agency.people[index % agency.people.length] ?? "";
}

function seedSession(
  context: DemoContext,
  input: { courseId: string; startsAt: Date; fullDay: boolean; index: number },
  agencies: { members: SeededAgency[]; nonMember: SeededAgency },
) {
  const { startsAt, index } = input;
  const at = (offsetMs: number) => new Date(startsAt.getTime() + offsetMs);
  const hr = (offsetMs: number) => scopeAt(context, "hr", at(offsetMs));
  const session = createSession(hr(-60 * DAY), {
    courseId: input.courseId,
    startsAt: startsAt.toISOString(),
    endsAt: at((input.fullDay ? 7 : 3) * HOUR).toISOString(),
    capacity: 20,
    location: "Northshire Partnership Training Centre",
    trainer: "Haven Women's Aid training team",
    nonMemberPricePence: input.fullDay ? 10_000 : 5000,
  });
  const order = rotated(agencies.members, index);
  const booked = order.flatMap((agency) => [
    person(agency, 2 * index),
    person(agency, 2 * index + 1),
  ]);
  booked.push(person(agencies.nonMember, index));
  const made = nominate(hr(-42 * DAY), {
    sessionId: session.id,
    staffIds: booked,
    reason: "Partnership training programme",
    mandatory: false,
  });
  for (const nomination of made) {
    approveNomination(hr(-35 * DAY), { id: nomination.id, note: "" });
    bookNomination(hr(-28 * DAY), { id: nomination.id, note: "" });
  }
  const idOf = (staffId: string) => made.find((item) => item.staffId === staffId)?.id ?? "";
  const [late, early, noShow, replaced, partial, walkIn] = [0, 1, 2, 3, 4, 5].map((k) =>
    nth(order, k),
  ) as [SeededAgency, SeededAgency, SeededAgency, SeededAgency, SeededAgency, SeededAgency];
  const lateId = idOf(person(late, 2 * index));
  const earlyId = idOf(person(early, 2 * index + 1));
  const noShowId = idOf(person(noShow, 2 * index));
  const replacedId = idOf(person(replaced, 2 * index));
  const partialId = idOf(person(partial, 2 * index + 1));
  cancelNomination(hr(-21 * DAY), { id: earlyId, note: "No longer in a front-line role" });
  const { substitute: stand } = substitute(hr(-2 * DAY), {
    nominationId: replacedId,
    staffId: person(replaced, 2 * index + 2),
    reason: "Off sick; a colleague goes instead",
  });
  // The day before: inside every published notice period, so the policy charges it.
  cancelNomination(hr(-1 * DAY), { id: lateId, note: "Called to a court hearing" });
  const stillBooked = [...made.map((item) => item.id), stand.id].filter(
    (id) => ![earlyId, replacedId, lateId].includes(id),
  );
  addUnscheduledAttendee(hr(HOUR), {
    sessionId: session.id,
    staffId: person(walkIn, 2 * index + 3),
    outcome: "fully_attended",
    note: "Came with a colleague",
  });
  markAttendanceBulk(hr(2 * HOUR), {
    sessionId: session.id,
    marks: stillBooked.map((nominationId) => ({
      nominationId,
      outcome:
        nominationId === noShowId
          ? "no_show"
          : nominationId === partialId
            ? "partially_attended"
            : "fully_attended",
    })),
  });
  closeSession(hr(8 * HOUR), { id: session.id });
  return session.id;
}

/**
 * Makes the demo organisation a partnership of agencies: its own council and six partner
 * agencies that are members, plus a housing association that is not, each with people; an agency
 * lead for the police; a charging policy (Wirral's rates, 3 working days' notice) switched on; and
 * a year of partnership sessions whose bookings include early and late cancellations, no-shows,
 * free substitutions, walk-ins and a non-member's paid place. Every charge is written by the
 * charging policy as the event happens, through the same services the pages use; one is waived.
 */
export function seedPartnershipDemo(deps: AppDeps, users: Record<UserRole, SessionUser>): void {
  const context: DemoContext = { deps, users };
  const now = deps.now();
  const first = new Date(now.getTime() - (SESSION_DAYS_AGO[0] + 60) * DAY);
  const seeded = seedAgencies(context, first);
  const lead = seeded.find((agency) => agency.name === DEMO_LEAD_AGENCY);
  updateUser(scopeAt(context, "admin", first), {
    id: users.agency_lead.id,
    data: { agencyId: lead?.id ?? null },
  });
  updateChargingPolicy(scopeAt(context, "admin", first), {
    ...DEFAULT_CHARGING_POLICY,
    enabled: true,
  });
  const course = createCourse(scopeAt(context, "hr", first), {
    title: "Multi-agency domestic abuse awareness (partnership)",
    level: 1,
    refresherIntervalMonths: 36,
    description: "Recognising and responding to domestic abuse together: for every partner agency.",
  });
  const members = seeded.filter((agency) => agency.member);
  const nonMember = seeded.find((agency) => !agency.member);
  if (nonMember === undefined) throw new Error("The demo partnership needs a non-member agency");
  const sessions = SESSION_DAYS_AGO.map((daysAgo, index) => {
    const startsAt = new Date(now.getTime() - daysAgo * DAY);
    startsAt.setUTCHours(9, 0, 0, 0);
    return seedSession(
      context,
      { courseId: course.id, startsAt, fullDay: index % 2 === 0, index },
      { members, nonMember },
    );
  });
  // The first session's no-show was waived: the person was taken ill on the way.
  const waived = deps.db
    .select({ id: charges.id })
    .from(charges)
    .where(and(eq(charges.sessionId, sessions[0] ?? ""), eq(charges.kind, "no_show")))
    .get();
  if (waived !== undefined) {
    waiveCharge(scopeAt(context, "hr", new Date(now.getTime() - 290 * DAY)), {
      id: waived.id,
      reason: "Taken ill on the way to the session",
    });
  }
}
