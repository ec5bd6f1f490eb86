import { and, eq } from "drizzle-orm";

import { addMonths, formatIsoDate, londonToday, readIsoDate } from "@dapkit/schemas";

import type { SessionUser } from "../auth/session-user";
import type { AppDeps } from "../context";
import { evidenceItems, fundingPlans, recommendations, type UserRole } from "../db/schema";
import { createAction } from "../services/action-plan/save-action";
import { createCommitteePaper } from "../services/committee-papers/committee-paper-store";
import { updateRecommendation } from "../services/recommendations/update-recommendation";
import type { Scope } from "../services/scope";
import { OXFORDSHIRE_REVIEW_SOURCE } from "./recommendations-data";

function monthsAhead(today: string, months: number): string {
  const { date } = readIsoDate(today, "today");
  if (date == null) throw new Error(`Not a date: ${today}`);
  return formatIsoDate(addMonths(date, months));
}

function idOf(lead: Scope, reference: string): string {
  const row = lead.db
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(
      and(
        eq(recommendations.organisationId, lead.user.organisationId),
        eq(recommendations.source, OXFORDSHIRE_REVIEW_SOURCE),
        eq(recommendations.reference, reference),
      ),
    )
    .get();
  if (row === undefined) throw new Error(`The demo has no recommendation ${reference}`);
  return row.id;
}

function firstEvidenceIn(lead: Scope, areaId: string): string[] {
  const row = lead.db
    .select({ id: evidenceItems.id })
    .from(evidenceItems)
    .where(
      and(
        eq(evidenceItems.organisationId, lead.user.organisationId),
        eq(evidenceItems.areaId, areaId),
      ),
    )
    .get();
  return row === undefined ? [] : [row.id];
}

// Ratings, target dates and DAHA areas for the review's recommendations that bear on them.
function rateRecommendations(lead: Scope, today: string): void {
  const ratings = [
    { reference: "3", rag: "amber", months: 6, areaIds: ["perpetrator-accountability"] },
    { reference: "6", rag: "green", months: 9, areaIds: ["partnerships"] },
    { reference: "7", rag: "amber", months: 3, areaIds: ["staff-development"] },
    { reference: "9", rag: "red", months: 2, areaIds: ["publicity-and-awareness-raising"] },
  ] as const;
  for (const { reference, rag, months, areaIds } of ratings) {
    updateRecommendation(lead, {
      id: idOf(lead, reference),
      data: { rag, targetDate: monthsAhead(today, months), areaIds: [...areaIds] },
    });
  }
}

// Actions due in the coming months, so the demo's readiness is as its evidence makes it.
function planActions(lead: Scope, today: string): void {
  createAction(lead, {
    areaId: "staff-development",
    what: "Run four more domestic abuse awareness sessions for housing staff",
    owner: "Training and Development Manager",
    dueDate: monthsAhead(today, 2),
    status: "in_progress",
    recommendationId: idOf(lead, "7"),
    evidenceIds: firstEvidenceIn(lead, "staff-development"),
  });
  createAction(lead, {
    areaId: "partnerships",
    what: "Agree the information sharing protocol with the Domestic Abuse Strategic Board",
    owner: "Community Safety Manager",
    dueDate: monthsAhead(today, 3),
    status: "not_started",
    recommendationId: idOf(lead, "6"),
    evidenceIds: firstEvidenceIn(lead, "partnerships"),
  });
  createAction(lead, {
    areaId: "safety-led-case-management",
    what: "Finish the housing case-file audit and send it for review",
    owner: "Housing Options Team Leader",
    dueDate: monthsAhead(today, 1),
    status: "in_progress",
    recommendationId: null,
    evidenceIds: firstEvidenceIn(lead, "safety-led-case-management"),
  });
}

// The narrative of the Scrutiny Committee's "Domestic Abuse Review Recommendations Update"
// (Oxford City Council, April 2022), paraphrased and with roles for people; its figures are
// the demo's own, written by the app.
function scrutinyPaper(lead: Scope, today: string): void {
  const plan = lead.db
    .select({ id: fundingPlans.id })
    .from(fundingPlans)
    .where(eq(fundingPlans.organisationId, lead.user.organisationId))
    .get();
  createCommitteePaper(lead, {
    committee: "Scrutiny Committee",
    meetingDate: monthsAhead(today, 1),
    reportOf: "Head of Regulatory Services and Community Safety",
    title: "Domestic Abuse Review Recommendations Update",
    purpose:
      "An update report on the progress made against recommendations arising from the Domestic Abuse Review Group",
    keyDecision: false,
    recommendations: ["Members note and comment on the update"],
    fundingPlanId: plan?.id ?? null,
    includeAppendix: true,
    sections: [
      {
        key: "introduction",
        narrative: [
          "Cabinet agreed the majority of the recommendations endorsed by the Scrutiny Committee. Scrutiny has requested an update on the progress made against these recommendations.",
          "The Domestic Abuse Act 2021 gives a statutory definition of domestic abuse and a duty on local authorities to provide safe accommodation for victims, including refuge provision, places of safety and sanctuary schemes. The main duty lies with the County Council, supported by the district councils.",
        ],
      },
      {
        key: "accreditation",
        narrative: [
          "The Council has signed up to the Domestic Abuse Housing Alliance (DAHA) accreditation and must show a whole council approach in the priority areas. A part-time Domestic Abuse Consultant and two Domestic Abuse Housing Link Workers support the work. Accreditation can take up to two years to achieve.",
        ],
      },
      {
        key: "training",
        narrative: [
          "The feedback was very positive. Further training sessions are being arranged, and the Housing Link Workers will deliver team-specific sessions over the next year.",
        ],
      },
      {
        key: "recommendations",
        narrative: [
          "Supporting victims and survivors is paramount, but more needs to be done to prevent domestic abuse. The Domestic Abuse Strategic Board is exploring a community-based programme for perpetrators not known to children's social care or the police.",
        ],
      },
      {
        key: "financial",
        narrative: [
          "Accreditation costs are met from government funding until the end of the financial year. Once the Council is accredited there is an annual cost of around £2k which will need to be found.",
        ],
      },
      { key: "legal", narrative: ["No legal issues."] },
      {
        key: "conclusion",
        narrative: [
          "A considerable amount of work on domestic abuse is being carried out within the Council. DAHA accreditation will make a significant difference to the way the Council responds to domestic abuse affecting residents and members of staff.",
        ],
      },
    ],
  });
}

/**
 * The demo's governance: ratings and DAHA areas on the review's recommendations, an action plan
 * in three areas, and a draft Scrutiny Committee paper built from the demo's own figures. Runs
 * after the evidence, recommendations and funding plan exist.
 */
export function seedGovernanceDemo(deps: AppDeps, users: Record<UserRole, SessionUser>): void {
  const lead: Scope = { db: deps.db, user: users.accreditation_lead, now: deps.now() };
  const today = londonToday(lead.now);
  rateRecommendations(lead, today);
  planActions(lead, today);
  scrutinyPaper(lead, today);
}
