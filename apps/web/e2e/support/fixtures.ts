import { apiAs } from "./api";
import { USERS } from "./browser";

interface Named {
  id: string;
  name: string;
}

/** What the journeys work with, created through the API so they do not depend on the demo seed. */
export interface Fixtures {
  /** The manager's own staff record; the demo manager user is linked to it. */
  manager: Named;
  /** Staff the manager manages (Housing). */
  team: Named[];
  /** Staff in another team (Finance), whom the manager must never see. */
  otherTeam: Named[];
  course: { id: string; title: string };
  session: { id: string };
  recommendation: { id: string };
  plan: { id: string };
}

// Unique names keep the fixtures apart from whatever the demo seed holds.
const TAG = "Zedfield";

/** A time in the future, London working hours, as an ISO instant. */
function inDays(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString().replace(".000Z", "Z");
}

/**
 * Signs in as the admin and creates two departments, a manager with three reports, two people in
 * another team, a course and a session with ten places; links the demo manager user to the
 * manager's staff record.
 */
export async function createFixtures(baseUrl: string): Promise<Fixtures> {
  const admin = await apiAs(baseUrl, USERS.admin);
  const housing = await admin.mutate<Named>("staff.departments.create", { name: `${TAG} Housing` });
  const finance = await admin.mutate<Named>("staff.departments.create", { name: `${TAG} Finance` });
  let number = 0;
  const person = (name: string, departmentId: string, managerId: string | null) =>
    admin.mutate<Named>("staff.create", {
      employeeNumber: `ZF${String((number += 1)).padStart(4, "0")}`,
      name,
      email: null,
      jobTitle: "Housing officer",
      departmentId,
      managerId,
    });
  const manager = await person(`Morgan ${TAG}`, housing.id, null);
  const team = [
    await person(`Asha ${TAG}`, housing.id, manager.id),
    await person(`Ben ${TAG}`, housing.id, manager.id),
    await person(`Cara ${TAG}`, housing.id, manager.id),
  ];
  const otherManager = await person(`Olu ${TAG}`, finance.id, null);
  const otherTeam = [
    await person(`Dina ${TAG}`, finance.id, otherManager.id),
    await person(`Eli ${TAG}`, finance.id, otherManager.id),
  ];
  const users = await admin.query<{ id: string; email: string }[]>("users.list");
  const managerUser = users.find((user) => user.email === USERS.manager);
  if (managerUser === undefined) throw new Error("The demo manager user is missing");
  await admin.mutate("users.update", { id: managerUser.id, data: { staffId: manager.id } });
  const course = await admin.mutate<{ id: string; title: string }>("training.courses.create", {
    title: `${TAG} domestic abuse awareness`,
    level: 1,
    refresherIntervalMonths: 12,
    description: "Recognising domestic abuse and responding safely.",
  });
  const session = await admin.mutate<{ id: string }>("training.sessions.create", {
    courseId: course.id,
    startsAt: inDays(1, 9),
    endsAt: inDays(1, 13),
    capacity: 10,
    location: "Civic Centre, Room 2",
    trainer: "Northshire DA Service",
  });
  const recommendation = await admin.mutate<{ id: string }>("recommendations.create", {
    reference: "ZF1",
    title: "Make domestic abuse awareness training mandatory for all front-line housing staff",
    source: `${TAG} strategic review 2026`,
    owner: "Head of Housing",
  });
  await admin.mutate("recommendations.addUpdate", {
    id: recommendation.id,
    date: "2026-04-01",
    note: "Training plan agreed by the partnership board.",
    status: "in_progress",
  });
  const plan = await admin.mutate<{ id: string }>("funding.create", {
    name: `${TAG} joint commission`,
    plan: {
      name: `${TAG} joint commission`,
      financialYears: ["2025/26", "2026/27"],
      partners: [
        { key: "council", name: "Northshire Council", sector: "housing" },
        { key: "pcc", name: "Police and Crime Commissioner", sector: "criminal_justice" },
      ],
      workstreams: [
        { key: "idva", name: "IDVA service", percent: 60 },
        { key: "refuge", name: "Refuge", percent: 40 },
      ],
      costs: [
        { financialYear: "2025/26", amountPence: 50_000_000 },
        { financialYear: "2026/27", amountPence: 52_000_000 },
      ],
      contributions: [
        { partner: "council", financialYear: "2025/26", amountPence: 30_000_000 },
        { partner: "pcc", financialYear: "2025/26", amountPence: 25_000_000 },
        { partner: "council", financialYear: "2026/27", amountPence: 30_000_000 },
      ],
      grants: [{ name: "Home Office", financialYear: "2026/27", amountPence: 10_000_000 }],
      carryForwards: [{ from: "2025/26", to: "2026/27", amountPence: 5_000_000 }],
    },
    varianceTables: [
      {
        title: "Quarter 2 monitoring",
        rows: [
          {
            key: "IDVA service",
            allocationPence: 30_000_000,
            forecastPence: 28_000_000,
            reportedVariancePence: 2_000_000,
          },
          {
            key: "Refuge",
            allocationPence: 20_000_000,
            forecastPence: 21_000_000,
            reportedVariancePence: 1_000_000,
          },
        ],
      },
    ],
  });
  return { manager, team, otherTeam, course, session, recommendation, plan };
}
