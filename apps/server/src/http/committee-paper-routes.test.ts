import type { Server } from "node:http";

import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { formatMoney, planFunding } from "@dapkit/funding";

import { auditLog } from "../db/schema";
import { lancashirePlan } from "../seed/lancashire-plan";
import { matrixPaper } from "../services/committee-papers/paper-fixtures";
import { markAttendance } from "../services/training/mark-attendance";
import { createBookings, createDepartment, createSession, createStaff } from "../test/builders";
import { callProcedure, close, listen } from "../test/http-client";
import { TEST_PASSWORD } from "../test/test-app";
import { useTwoOrganisations } from "../test/two-organisations";
import { committeePaperRoutes } from "./committee-paper-routes";
import { createHttpServer } from "./create-server";
import { routes } from "./routes";

const t = useTwoOrganisations();
let server: Server;
let baseUrl: string;

beforeEach(async () => {
  server = createHttpServer(t.app.deps, {
    webRoot: "/nonexistent",
    routes: committeePaperRoutes,
    trustProxy: false,
  });
  baseUrl = await listen(server);
});

afterEach(async () => {
  await close(server);
});

async function download(id: string, user?: { email: string }) {
  let headers: Record<string, string> | undefined;
  if (user !== undefined) {
    const { setCookie } = await callProcedure(baseUrl, "auth.signIn", {
      mutation: true,
      input: { email: user.email, password: TEST_PASSWORD },
    });
    headers = { cookie: (setCookie[0] ?? "").split(";")[0] ?? "" };
  }
  const response = await fetch(`${baseUrl}/api/committee-papers/${id}.docx`, { headers });
  return { response, buffer: Buffer.from(await response.arrayBuffer()) };
}

// Five booked on a past session, three attended: live training figures to report.
function trainingHeld(): void {
  const housing = createDepartment(t.hr, "Housing Options");
  const session = createSession(t.hr, {
    startsAt: "2022-03-01T10:00:00.000Z",
    endsAt: "2022-03-01T13:00:00.000Z",
  });
  const staffIds = ["Asha", "Ben", "Cai", "Dee", "Eli"].map(
    (name) => createStaff(t.hr, { name, departmentId: housing.id }).id,
  );
  const booked = createBookings(t.hr, { sessionId: session.id, staffIds });
  const afterwards = { ...t.hr, now: new Date("2022-03-01T13:30:00.000Z") };
  for (const nomination of booked.slice(0, 3)) {
    markAttendance(afterwards, {
      nominationId: nomination.id,
      outcome: "fully_attended",
      note: "",
    });
  }
}

async function paperWorld() {
  const lead = t.app.caller(t.org.users.accreditation_lead);
  trainingHeld();
  const one = await lead.recommendations.create({
    reference: "1",
    title: "Endorse a pathway of services",
    source: "Review",
    owner: "Strategic Lead",
    targetDate: "2022-12-31",
    rag: "amber",
  });
  await lead.recommendations.addUpdate({
    id: one.id,
    date: "2022-03-15",
    note: "Contract extended to March 2023",
    status: "in_progress",
  });
  await lead.recommendations.create({
    reference: "2",
    title: "New governance structure",
    source: "Review",
    owner: "Strategic Group",
    status: "completed",
    rag: "green",
  });
  await lead.actionPlan.create({
    areaId: "partnerships",
    what: "Sign the information sharing agreement",
    owner: "Partnerships officer",
    dueDate: "2022-03-31",
  });
  const plan = await t.app.caller(t.org.users.admin).funding.create({
    name: "Northshire plan",
    plan: lancashirePlan,
  });
  const paper = await lead.committeePapers.create(matrixPaper("Scrutiny Committee", plan.id));
  return { lead, paper, planId: plan.id };
}

function paragraphsOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

test("the server serves the committee paper route", () => {
  expect(routes).toEqual(expect.arrayContaining([...committeePaperRoutes]));
});

describe("GET /api/committee-papers/{id}.docx", () => {
  test("a Word paper whose headings, numbered paragraphs and figures equal the live data", async () => {
    const { lead, paper } = await paperWorld();
    const { response, buffer } = await download(paper.id, t.org.users.viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toContain(
      "2022-04-05-Scrutiny-Committee-paper.docx",
    );

    const html = (await mammoth.convertToHtml({ buffer })).value;
    const text = paragraphsOf((await mammoth.extractRawText({ buffer })).value);
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      "Introduction and background",
      "DAHA accreditation progress",
      "Domestic abuse training",
      "Partnership training by agency",
      "Progress on the recommendations",
      "Financial implications",
      "Legal issues",
      "Conclusion",
      "Appendix 1: Recommendations update",
    ]);
    // Front matter, as the council's report sets it out.
    for (const line of [
      "To:",
      "Scrutiny Committee",
      "Date:",
      "5 April 2022",
      "Report of:",
      "Head of Community Safety",
      "Key decision:",
      "No",
      "Recommendation(s):",
      "1. Members note and comment on the update",
    ]) {
      expect(text).toContain(line);
    }

    // Every numbered paragraph the app shows is in the document, numbered 1, 2, 3… in order.
    const shown = await lead.committeePapers.get({ id: paper.id });
    const numbered = shown.built.sections.flatMap((section) =>
      section.paragraphs.map((paragraph) => `${String(paragraph.number)}. ${paragraph.text}`),
    );
    expect(text.filter((line) => /^\d+\. /.test(line) && !line.startsWith("1. Members"))).toEqual(
      numbered,
    );
    expect(numbered.map((line) => Number(line.split(".")[0]))).toEqual(
      numbered.map((_, index) => index + 1),
    );

    // The figures, checked against what the rest of the API says now.
    const readiness = await lead.evidence.readiness({});
    expect(readiness.trainingUptake).toMatchObject({ nominated: 5, attended: 3 });
    expect(text).toContain(
      "4. Domestic abuse training sessions were attended by 3 members of staff, although 5 were nominated by their managers: an attendance rate of 60.0%.",
    );
    const partnerships = readiness.areas.find((area) => area.areaId === "partnerships");
    expect(partnerships?.rag).toBe("red");
    for (const area of readiness.areas) {
      expect(text.some((line) => line.startsWith(`${area.areaName}: `))).toBe(true);
    }
    expect(text).toContain("3. 1 action in the accreditation action plan is overdue.");
    // This council books no partnership places, and its paper says so when the section is chosen.
    expect(text).toContain("6. No partnership training places were booked for 2022/23.");
    expect(text).toContain(
      "7. Of the 2 recommendations, 1 in progress and 1 completed. Rated for progress: 1 amber and 1 green.",
    );
    for (const year of planFunding(lancashirePlan).years) {
      const line = text.find((each) => each.startsWith(`${year.financialYear}: `)) ?? "";
      expect(line).toContain(`costs of ${formatMoney(year.costPence)}`);
      expect(line).toContain(`funding of ${formatMoney(year.income.totalPence)}`);
    }
    // The officer's narrative comes after the figures, numbered on.
    expect(text).toContain("5. The feedback was very positive.");

    // The appendix: one row per recommendation, with its status and latest update.
    const table = html.slice(html.lastIndexOf("<table>"));
    const cells = [...table.matchAll(/<t[dh]>(?:<p>(.*?)<\/p>)?<\/t[dh]>/g)].map((match) =>
      (match[1] ?? "").replace(/<\/?strong>/g, ""),
    );
    expect(cells.slice(0, 7)).toEqual([
      "No.",
      "Recommendation",
      "Owner",
      "Target date",
      "Status",
      "RAG",
      "Latest update",
    ]);
    expect(cells.slice(7, 14)).toEqual([
      "1",
      "Endorse a pathway of services",
      "Strategic Lead",
      "31 December 2022",
      "In progress",
      "Amber",
      "15 March 2022: Contract extended to March 2023",
    ]);
    expect(cells[18]).toBe("Completed");
  });

  test("the figures follow the data: a later download reports the change, narrative unchanged", async () => {
    const { lead, paper } = await paperWorld();
    const before = (
      await mammoth.extractRawText({
        buffer: (await download(paper.id, t.org.users.viewer)).buffer,
      })
    ).value;
    const actions = await lead.actionPlan.list({});
    await lead.actionPlan.update({ id: actions.actions[0]?.id ?? "", data: { status: "done" } });
    const after = (
      await mammoth.extractRawText({
        buffer: (await download(paper.id, t.org.users.viewer)).buffer,
      })
    ).value;
    expect(before).toContain("1 action in the accreditation action plan is overdue.");
    expect(after).toContain("No action in the accreditation action plan is overdue.");
    expect(after).toContain("The feedback was very positive.");
  });

  test("is audited as a read, refused signed out, and another organisation's paper is not found", async () => {
    const { paper } = await paperWorld();
    expect((await download(paper.id)).response.status).toBe(401);
    const other = await download(paper.id, t.other.users.admin);
    expect(other.response.status).toBe(404);
    expect(other.buffer.toString("utf8")).not.toContain("Scrutiny");
    await download(paper.id, t.org.users.viewer);
    const reads = t.app.db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.entity === "committee_paper" && row.action === "read");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ entityId: paper.id, userId: t.org.users.viewer.id });
  });
});
