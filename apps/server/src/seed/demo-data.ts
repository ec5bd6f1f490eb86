import { Readable } from "node:stream";

import {
  FundingPlanSchema,
  type AttendanceOutcome,
  type EvidenceKind,
  type EvidenceStatus,
  type NominationState,
} from "@dapkit/schemas";

import type { SessionUser } from "../auth/session-user";
import type { AppDeps } from "../context";
import type { UserRole } from "../db/schema";
import { addEvidenceRevision } from "../services/evidence/add-evidence-revision";
import { createEvidence } from "../services/evidence/create-evidence";
import { transitionEvidence } from "../services/evidence/transition-evidence";
import { createFundingPlan } from "../services/funding/create-funding-plan";
import { addRecommendationUpdate } from "../services/recommendations/add-recommendation-update";
import { createRecommendation } from "../services/recommendations/create-recommendation";
import type { Scope } from "../services/scope";
import { createDepartment } from "../services/staff/departments";
import { createStaff } from "../services/staff/save-staff";
import { createCourse } from "../services/training/courses";
import { markAttendanceBulk } from "../services/training/mark-attendance";
import { nominate } from "../services/training/nominate";
import {
  approveNomination,
  bookNomination,
  cancelNomination,
  declineNomination,
} from "../services/training/nomination-actions";
import { createSession } from "../services/training/save-session";
import { updateUser } from "../services/users/manage-users";
import { DEMO_DEPARTMENTS, demoName } from "./demo-people";
import { lancashirePlan, lancashireVarianceTables, LANCASHIRE_PLAN_NAME } from "./lancashire-plan";
import { OXFORDSHIRE_REVIEW_SOURCE, oxfordshireRecommendations } from "./recommendations-data";

const DAY = 24 * 60 * 60 * 1000;

/** The demo manager's name; their staff record manages the Housing Options team. */
export const DEMO_MANAGER_NAME = "Morgan Ellis";

// The outcomes of the 90 nominations, as in Oxford City Council's report (90 nominated, 56
// attended): 50 fully and 6 partially attended, with realistic no-shows, absences, cancellations
// and declines. Spread across the sessions by `demoOutcome`.
const OUTCOMES: readonly [NominationState, number][] = [
  ["fully_attended", 50],
  ["partially_attended", 6],
  ["no_show", 12],
  ["unable_to_attend", 8],
  ["cancelled", 9],
  ["declined", 5],
];
const NOMINATIONS = OUTCOMES.reduce((sum, [, count]) => sum + count, 0);
const PAST_SESSION_DAYS_AGO = [1080, 1060, 120, 60, 30] as const;

function demoOutcome(index: number): NominationState {
  // Deal outcomes out like cards so every session gets a mix of them.
  const deck = OUTCOMES.flatMap(([state, count]) => Array<NominationState>(count).fill(state));
  const dealt = (index * 37) % deck.length;
  return deck[dealt] ?? "fully_attended";
}

// One person from each department in turn, so each session has a mix of teams.
function roundRobin<T extends { departmentIndex: number }>(people: readonly T[]): T[] {
  const rank = new Map<number, number>();
  return people
    .map((person) => {
      const position = rank.get(person.departmentIndex) ?? 0;
      rank.set(person.departmentIndex, position + 1);
      return { person, key: position * DEMO_DEPARTMENTS.length + person.departmentIndex };
    })
    .sort((a, b) => a.key - b.key)
    .map(({ person }) => person);
}

function isOutcome(state: NominationState): state is AttendanceOutcome {
  return ["fully_attended", "partially_attended", "unable_to_attend", "no_show"].includes(state);
}

function daysFrom(base: Date, days: number, hour = 9.5): Date {
  const day = new Date(base.getTime() + days * DAY);
  day.setUTCHours(Math.floor(hour), (hour % 1) * 60, 0, 0);
  return day;
}

interface DemoContext {
  deps: AppDeps;
  users: Record<UserRole, SessionUser>;
  now: Date;
}

function scope(context: DemoContext, role: UserRole, at: Date = context.now): Scope {
  return { db: context.deps.db, user: context.users[role], now: at };
}

// Addresses at the reserved .example domain: a demo run with DAPKIT_SMTP_URL set sends its messages
// to a local catcher, and no real mailbox can ever receive one.
const demoEmail = (person: number) => `nbc${String(person).padStart(4, "0")}@northshire.example`;

function seedStaff(context: DemoContext) {
  const hr = scope(context, "hr");
  const everyone: { id: string; departmentIndex: number }[] = [];
  let person = 0;
  DEMO_DEPARTMENTS.forEach((department, departmentIndex) => {
    const { id: departmentId } = createDepartment(hr, { name: department.name });
    const manager = createStaff(hr, {
      employeeNumber: `NBC${String((person += 1)).padStart(4, "0")}`,
      name: departmentIndex === 0 ? DEMO_MANAGER_NAME : demoName(person + 500),
      email: demoEmail(person),
      jobTitle: `${department.name} manager`,
      departmentId,
      managerId: null,
      active: true,
    });
    if (departmentIndex === 0) {
      const updated = updateUser(scope(context, "admin"), {
        id: context.users.manager.id,
        data: { staffId: manager.id },
      });
      context.users.manager = { ...context.users.manager, staffId: updated.staffId };
    }
    for (let member = 0; member < department.team; member += 1) {
      person += 1;
      const staffMember = createStaff(hr, {
        employeeNumber: `NBC${String(person).padStart(4, "0")}`,
        name: demoName(person),
        email: demoEmail(person),
        jobTitle: department.titles[member % department.titles.length] ?? "Officer",
        departmentId,
        managerId: manager.id,
        // A few leavers, as any real list has.
        active: member !== department.team - 1 || departmentIndex % 2 === 0,
      });
      if (staffMember.active) everyone.push({ id: staffMember.id, departmentIndex });
    }
  });
  return everyone;
}

function seedTraining(context: DemoContext, staffIds: { id: string; departmentIndex: number }[]) {
  const hr = scope(context, "hr");
  const awareness = createCourse(hr, {
    title: "Domestic abuse awareness (Level 1)",
    level: 1,
    refresherIntervalMonths: 36,
    description: "Recognising domestic abuse, responding safely and referring: for all staff.",
  });
  const dash = createCourse(hr, {
    title: "DASH risk assessment and MARAC (Level 2)",
    level: 2,
    refresherIntervalMonths: 24,
    description: "Completing the DASH risk checklist and referring to MARAC: for front-line staff.",
  });
  const place = { location: "Civic Centre, Training Room 1", trainer: "Northshire Women's Aid" };
  const past = PAST_SESSION_DAYS_AGO.map((daysAgo) =>
    createSession(hr, {
      courseId: awareness.id,
      startsAt: daysFrom(context.now, -daysAgo).toISOString(),
      endsAt: daysFrom(context.now, -daysAgo, 12.5).toISOString(),
      capacity: 20,
      ...place,
    }),
  );
  for (const [course, daysAhead, capacity] of [
    [awareness, 14, 20],
    [awareness, 42, 20],
    [dash, 28, 12],
  ] as const) {
    createSession(hr, {
      courseId: course.id,
      startsAt: daysFrom(context.now, daysAhead).toISOString(),
      endsAt: daysFrom(context.now, daysAhead, 16).toISOString(),
      capacity,
      ...place,
    });
  }

  const perSession = NOMINATIONS / past.length;
  past.forEach((session, sessionIndex) => {
    const start = new Date(session.startsAt);
    const nominees = staffIds.slice(sessionIndex * perSession, (sessionIndex + 1) * perSession);
    // The Housing Options manager nominates their own team; HR nominates for everyone else.
    const byManager = nominees.filter((person) => person.departmentIndex === 0);
    const byHr = nominees.filter((person) => person.departmentIndex !== 0);
    const nominatedAt = daysFrom(start, -42);
    const made = [
      ...(byManager.length === 0
        ? []
        : nominate(scope(context, "manager", nominatedAt), {
            sessionId: session.id,
            staffIds: byManager.map((person) => person.id),
            reason: "Front-line role: meets people who may be experiencing domestic abuse",
            mandatory: true,
          })),
      ...nominate(scope(context, "hr", nominatedAt), {
        sessionId: session.id,
        staffIds: byHr.map((person) => person.id),
        reason: "Whole-council approach to DAHA accreditation",
        mandatory: false,
      }),
    ];
    const marks: { nominationId: string; outcome: AttendanceOutcome }[] = [];
    made.forEach((nomination, index) => {
      const outcome = demoOutcome(sessionIndex * perSession + index);
      if (outcome === "declined") {
        declineNomination(scope(context, "hr", daysFrom(start, -35)), {
          id: nomination.id,
          note: "Not needed for the role this year",
        });
        return;
      }
      approveNomination(scope(context, "hr", daysFrom(start, -35)), {
        id: nomination.id,
        note: "",
      });
      bookNomination(scope(context, "hr", daysFrom(start, -28)), { id: nomination.id, note: "" });
      if (outcome === "cancelled") {
        cancelNomination(scope(context, "hr", daysFrom(start, -5)), {
          id: nomination.id,
          note: "Clashes with a court date",
        });
      } else if (isOutcome(outcome)) {
        marks.push({ nominationId: nomination.id, outcome });
      }
    });
    markAttendanceBulk(scope(context, "hr", daysFrom(start, 0, 13)), {
      sessionId: session.id,
      marks,
    });
  });
}

// Plain-text stand-ins for the documents an accreditation lead would upload.
function demoFile(title: string): Buffer {
  return Buffer.from(
    `${title}\n\nDemonstration document for the fictional Northshire Borough Council.\n` +
      "It stands in for the real policy, protocol or record a council would upload.\n",
  );
}

interface DemoEvidence {
  areaId: string;
  title: string;
  kind: EvidenceKind;
  owner: string;
  status: EvidenceStatus;
  /** Days from today: effective, review and expiry dates. */
  days: [effective: number, review: number | null, expiry: number | null];
}

const DEMO_EVIDENCE: readonly DemoEvidence[] = [
  {
    areaId: "policies-and-procedures",
    title: "Domestic abuse policy for tenants and residents",
    kind: "policy",
    owner: "Head of Housing Needs",
    status: "approved",
    days: [-200, 300, 900],
  },
  {
    areaId: "partnerships",
    title: "MARAC information-sharing protocol",
    kind: "partnership_agreement",
    owner: "Community Safety Manager",
    status: "approved",
    days: [-340, 20, 400],
  },
  {
    areaId: "staff-development",
    title: "Domestic abuse training records and attendance registers",
    kind: "training_record",
    owner: "Learning and Development Manager",
    status: "approved",
    days: [-30, 335, 700],
  },
  {
    areaId: "safety-led-case-management",
    title: "Case file audit of domestic abuse cases, quarter 2",
    kind: "case_audit",
    owner: "Housing Options Team Leader",
    status: "in_review",
    days: [-10, 170, 365],
  },
  {
    areaId: "intersectionality-and-anti-racist-practice",
    title: "Equality impact assessment of the domestic abuse policy",
    kind: "equality_impact_assessment",
    owner: "Equalities Officer",
    status: "approved",
    days: [-800, -430, -65],
  },
  {
    areaId: "publicity-and-awareness-raising",
    title: "16 Days of Activism campaign log",
    kind: "publicity",
    owner: "Communications Team",
    status: "draft",
    days: [-60, 300, null],
  },
];

async function seedEvidence(context: DemoContext): Promise<void> {
  for (const item of DEMO_EVIDENCE) {
    const [effective, review, expiry] = item.days;
    const isoDay = (days: number | null) =>
      days == null ? null : daysFrom(context.now, days).toISOString().slice(0, 10);
    // Expired evidence was approved while it was in date, before its expiry.
    const approvedAt =
      expiry != null && expiry < 0 ? daysFrom(context.now, effective + 1) : context.now;
    const lead = scope(context, "accreditation_lead", approvedAt);
    const created = createEvidence(lead, {
      areaId: item.areaId,
      title: item.title,
      kind: item.kind,
      owner: item.owner,
      effectiveDate: isoDay(effective) ?? "",
      reviewDate: isoDay(review),
      expiryDate: isoDay(expiry),
    });
    if (item.status === "draft") continue;
    const body = demoFile(item.title);
    await addEvidenceRevision(
      { ...lead, files: context.deps.files },
      {
        evidenceId: created.id,
        body: Readable.from([body]),
        headers: {
          "content-type": "text/plain",
          "content-length": String(body.length),
          "x-file-name": encodeURIComponent(`${item.title}.txt`),
        },
      },
    );
    transitionEvidence(lead, { id: created.id, to: "in_review", note: "Ready for review" });
    if (item.status === "approved") {
      // Approved by someone other than the lead who wrote it (separation of duties).
      const approver = scope(context, "admin", approvedAt);
      transitionEvidence(approver, { id: created.id, to: "approved", note: "Meets the standard" });
    }
  }
}

function seedRecommendations(context: DemoContext): void {
  const lead = scope(context, "accreditation_lead");
  for (const recommendation of oxfordshireRecommendations) {
    const created = createRecommendation(lead, {
      reference: recommendation.reference,
      title: recommendation.title,
      source: OXFORDSHIRE_REVIEW_SOURCE,
      owner: recommendation.owner,
      status: "not_started",
    });
    for (const update of recommendation.updates) {
      addRecommendationUpdate(lead, { id: created.id, ...update });
    }
  }
}

/**
 * Fills the demo organisation with fictional but realistic data: staff in six departments with
 * their managers, a domestic abuse awareness course whose past sessions hold 90 nominations of
 * which 56 attended, upcoming sessions, evidence in several DAHA priority areas, the nine review
 * recommendations and the Lancashire funding plan. Everything goes through the services, so the
 * demo obeys every rule the API does and is in the audit log.
 */
export async function seedDemoData(
  deps: AppDeps,
  users: Record<UserRole, SessionUser>,
): Promise<void> {
  const context: DemoContext = { deps, users: { ...users }, now: deps.now() };
  const staffIds = seedStaff(context);
  seedTraining(context, roundRobin(staffIds).slice(0, NOMINATIONS));
  await seedEvidence(context);
  seedRecommendations(context);
  createFundingPlan(scope(context, "admin"), {
    name: LANCASHIRE_PLAN_NAME,
    plan: FundingPlanSchema.parse(lancashirePlan),
    varianceTables: lancashireVarianceTables,
  });
}
