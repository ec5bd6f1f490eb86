import { and, eq, like } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { EVALUATION_COMMENT_MAX } from "@dapkit/contract";

import type { SessionUser } from "../auth/session-user";
import { agencies, auditLog, messages, staff } from "../db/schema";
import { newId } from "../db/ids";
import { queueScheduledMessages } from "../services/notifications/scheduled-messages";
import {
  createBookings,
  createCourse,
  createSession,
  createStaff,
  linkManager,
  scopeAs,
  startSession,
} from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const OUTCOMES = ["Recognise coercive control", "Ask about abuse safely", "Refer to MARAC"];

/** A course with three learning outcomes and one session on 10 May 2022 (9am to noon UTC). */
async function evaluatedSession() {
  const course = createCourse(t.hr, { title: "Domestic abuse awareness" });
  const set = await t.app
    .caller(t.org.users.hr)
    .evaluation.outcomes.set({ courseId: course.id, outcomes: OUTCOMES });
  const session = createSession(t.hr, { courseId: course.id });
  return { course, session, outcomes: set.outcomes };
}

/** A person booked on the session, with a user account linked to them (the role's user). */
function bookedPerson(
  sessionId: string,
  user: SessionUser,
  overrides: { name?: string; managerId?: string | null; email?: string } = {},
) {
  const person = createStaff(t.hr, {
    name: overrides.name ?? `Person of ${user.role}`,
    email: overrides.email ?? `${user.role}.person@northshire.example`,
    managerId: overrides.managerId ?? null,
  });
  const [booking] = createBookings(t.hr, { sessionId, staffIds: [person.id] });
  return {
    person,
    nominationId: booking?.id ?? "",
    user: linkManager(scopeAs(t.app, t.org.users.admin), user, person.id),
  };
}

function messagesOf(kind: string, nominationId?: string) {
  return t.app.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.kind, kind),
        nominationId === undefined ? undefined : eq(messages.nominationId, nominationId),
      ),
    )
    .all();
}

const ratings = (outcomes: { id: string }[], values: number[]) =>
  outcomes.map((outcome, n) => ({ outcomeId: outcome.id, confidence: values[n] ?? 3 }));

describe("evaluation invitations", () => {
  test("booking on a course with learning outcomes invites once to the questionnaire before", async () => {
    const { session } = await evaluatedSession();
    const { nominationId } = bookedPerson(session.id, t.org.users.viewer);
    const [invitation, ...more] = messagesOf("evaluation_before", nominationId);
    expect(more).toHaveLength(0);
    expect(invitation?.recipientEmail).toBe("viewer.person@northshire.example");
    expect(invitation?.bodyText).toContain(`/my-training/evaluations/${nominationId}/before`);
    // Cancelled and booked again: the key names the booking and stage, so nothing new is sent.
    const hr = t.app.caller(t.org.users.hr);
    await hr.training.nominations.cancel({ id: nominationId, note: "Rota clash" });
    expect(messagesOf("evaluation_before")).toHaveLength(1);
  });

  test("a course with no learning outcomes sends no questionnaires", () => {
    const session = createSession(t.hr);
    const { nominationId } = bookedPerson(session.id, t.org.users.viewer);
    expect(messagesOf("evaluation_before", nominationId)).toHaveLength(0);
  });

  test("marking attended invites to the questionnaire after, once; other outcomes do not", async () => {
    const { session } = await evaluatedSession();
    const attended = bookedPerson(session.id, t.org.users.viewer);
    const absent = bookedPerson(session.id, t.org.users.accreditation_lead);
    startSession(t.app, t.hr, session.id);
    const hr = t.app.caller(t.org.users.hr);
    await hr.training.attendance.mark({
      nominationId: attended.nominationId,
      outcome: "fully_attended",
    });
    await hr.training.attendance.mark({ nominationId: absent.nominationId, outcome: "no_show" });
    // Corrected to partly attended: still attended, still one invitation.
    await hr.training.attendance.mark({
      nominationId: attended.nominationId,
      outcome: "partially_attended",
    });
    expect(messagesOf("evaluation_after").map((row) => row.nominationId)).toEqual([
      attended.nominationId,
    ]);
    expect(messagesOf("evaluation_after")[0]?.bodyText).toContain(
      `/my-training/evaluations/${attended.nominationId}/after`,
    );
  });

  test("the follow-up goes 6 weeks after the session, to the person and their manager, once", async () => {
    const { session, outcomes } = await evaluatedSession();
    const manager = createStaff(t.hr, {
      name: "Morgan Manager",
      email: "morgan@northshire.example",
    });
    const { nominationId, user } = bookedPerson(session.id, t.org.users.viewer, {
      managerId: manager.id,
    });
    startSession(t.app, t.hr, session.id);
    await t.app
      .caller(t.org.users.hr)
      .training.attendance.mark({ nominationId, outcome: "fully_attended" });
    // Answers given after the session never appear in any message.
    t.app.clock.now = new Date("2022-05-10T13:00:00Z");
    await t.app.caller(user).evaluation.questionnaires.submit({
      nominationId,
      stage: "after",
      ratings: ratings(outcomes, [4, 4, 4]),
      comment: "The case studies were confidential-sounding words",
    });
    expect(queueScheduledMessages(t.app.db, new Date("2022-06-20T09:00:00Z"))).toBe(0);
    expect(queueScheduledMessages(t.app.db, new Date("2022-06-21T09:00:00Z"))).toBe(2);
    expect(queueScheduledMessages(t.app.db, new Date("2022-06-22T09:00:00Z"))).toBe(0);
    const sent = messagesOf("evaluation_follow_up", nominationId);
    expect(sent.map((row) => row.recipientName).sort()).toEqual([
      "Morgan Manager",
      "Person of viewer",
    ]);
    for (const row of t.app.db.select().from(messages).all()) {
      expect(row.bodyText).not.toContain("confidential-sounding");
    }
  });

  test("no follow-up for someone who has answered it, or after 8 weeks", async () => {
    const { session, outcomes } = await evaluatedSession();
    const answered = bookedPerson(session.id, t.org.users.viewer);
    const late = bookedPerson(session.id, t.org.users.accreditation_lead);
    startSession(t.app, t.hr, session.id);
    const hr = t.app.caller(t.org.users.hr);
    for (const { nominationId } of [answered, late]) {
      await hr.training.attendance.mark({ nominationId, outcome: "fully_attended" });
    }
    t.app.clock.now = new Date("2022-06-21T09:00:00Z");
    await t.app.caller(answered.user).evaluation.questionnaires.submit({
      nominationId: answered.nominationId,
      stage: "follow_up",
      ratings: ratings(outcomes, [5, 5, 5]),
    });
    expect(queueScheduledMessages(t.app.db, new Date("2022-07-06T09:00:00Z"))).toBe(0);
    expect(queueScheduledMessages(t.app.db, new Date("2022-07-05T09:00:00Z"))).toBe(1);
    expect(messagesOf("evaluation_follow_up").map((row) => row.nominationId)).toEqual([
      late.nominationId,
    ]);
  });
});

describe("evaluation.questionnaires.submit", () => {
  test("the person booked answers once per stage; the answers are stored and audited without them", async () => {
    const { session, outcomes } = await evaluatedSession();
    const { nominationId, user } = bookedPerson(session.id, t.org.users.viewer);
    const me = t.app.caller(user);
    await expect(me.evaluation.questionnaires.list()).resolves.toEqual([
      expect.objectContaining({ nominationId, stage: "before" }),
    ]);
    const answered = await me.evaluation.questionnaires.submit({
      nominationId,
      stage: "before",
      ratings: ratings(outcomes, [2, 3, 1]),
      comment: "Nervous about asking",
    });
    expect(answered).toMatchObject({ submittedAt: t.app.clock.now.toISOString() });
    expect(answered.problem).toBe("You have already answered this questionnaire");
    await expect(me.evaluation.questionnaires.list()).resolves.toEqual([]);
    await expect(
      me.evaluation.questionnaires.submit({
        nominationId,
        stage: "before",
        ratings: ratings(outcomes, [5, 5, 5]),
      }),
    ).rejects.toThrow("You have already answered this questionnaire");
    const audit = t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "submit_evaluation"))
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).not.toContain("Nervous");
  });

  test("nobody else may answer: not another person, not HR, not another organisation", async () => {
    const { session, outcomes } = await evaluatedSession();
    const { nominationId } = bookedPerson(session.id, t.org.users.viewer);
    const other = bookedPerson(session.id, t.org.users.accreditation_lead);
    const answers = {
      nominationId,
      stage: "before" as const,
      ratings: ratings(outcomes, [3, 3, 3]),
    };
    await expect(
      t.app.caller(other.user).evaluation.questionnaires.submit(answers),
    ).rejects.toThrow("Questionnaire not found");
    await expect(
      t.app.caller(t.org.users.hr).evaluation.questionnaires.submit(answers),
    ).rejects.toThrow("Questionnaire not found");
    // Another organisation's person linked to a record of theirs: not found either.
    const outsider = linkManager(
      scopeAs(t.app, t.other.users.admin),
      t.other.users.viewer,
      createStaff(scopeAs(t.app, t.other.users.hr)).id,
    );
    await expect(
      t.app.caller(outsider).evaluation.questionnaires.get(answers),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.app.caller(t.org.users.hr).evaluation.questionnaires.list()).resolves.toEqual(
      [],
    );
  });

  test("every outcome rated 1 to 5, comments up to 2,000 characters, each refusal naming its field", async () => {
    const { session, outcomes } = await evaluatedSession();
    const { nominationId, user } = bookedPerson(session.id, t.org.users.viewer);
    const me = t.app.caller(user);
    const base = { nominationId, stage: "before" as const };
    await expect(
      me.evaluation.questionnaires.submit({
        ...base,
        ratings: ratings(outcomes.slice(0, 2), [3, 3]),
      }),
    ).rejects.toMatchObject({
      message: 'Choose how confident you are, from 1 to 5, for "Refer to MARAC"',
      cause: { field: `rating-${outcomes[2]?.id ?? ""}` },
    });
    await expect(
      me.evaluation.questionnaires.submit({
        ...base,
        ratings: [
          ...ratings(outcomes, [3, 3, 3]),
          { outcomeId: outcomes[0]?.id ?? "", confidence: 4 },
        ],
      }),
    ).rejects.toThrow("Rate each learning outcome on this questionnaire once, and nothing else");
    await expect(
      me.evaluation.questionnaires.submit({ ...base, ratings: ratings(outcomes, [3, 6, 3]) }),
    ).rejects.toThrow("must be a whole number from 1 to 5");
    await expect(
      me.evaluation.questionnaires.submit({
        ...base,
        ratings: ratings(outcomes, [3, 3, 3]),
        comment: "x".repeat(EVALUATION_COMMENT_MAX + 1),
      }),
    ).rejects.toThrow("must be at most 2,000 characters");
    await expect(
      me.evaluation.questionnaires.submit({
        ...base,
        ratings: ratings(outcomes, [3, 3, 3]),
        comment: "x".repeat(EVALUATION_COMMENT_MAX),
      }),
    ).resolves.toMatchObject({ stage: "before" });
  });

  test("each stage opens and closes at its time", async () => {
    const { session, outcomes } = await evaluatedSession();
    const { nominationId, user } = bookedPerson(session.id, t.org.users.viewer);
    const me = t.app.caller(user);
    const answer = (stage: "before" | "after" | "follow_up") =>
      me.evaluation.questionnaires.submit({
        nominationId,
        stage,
        ratings: ratings(outcomes, [3, 3, 3]),
      });
    await expect(answer("after")).rejects.toThrow(
      "This questionnaire is for people who attended the session",
    );
    startSession(t.app, t.hr, session.id);
    await expect(answer("before")).rejects.toThrow(
      "The session has started, so the questionnaire before it has closed",
    );
    await t.app
      .caller(t.org.users.hr)
      .training.attendance.mark({ nominationId, outcome: "fully_attended" });
    await expect(answer("follow_up")).rejects.toThrow("This questionnaire opens on 21 June 2022");
    await expect(answer("after")).resolves.toMatchObject({ stage: "after" });
    t.app.clock.now = new Date("2022-07-06T09:00:00Z");
    await expect(answer("follow_up")).rejects.toThrow("This questionnaire closed on 5 July 2022");
  });

  test("a course with no learning outcomes has nothing to answer", async () => {
    const session = createSession(t.hr);
    const { nominationId, user } = bookedPerson(session.id, t.org.users.viewer);
    await expect(
      t.app.caller(user).evaluation.questionnaires.get({ nominationId, stage: "before" }),
    ).resolves.toMatchObject({
      outcomes: [],
      problem: "This course has no learning outcomes to rate yet",
    });
  });
});

describe("evaluation.outcomes.set", () => {
  test("an outcome kept keeps its answers; one taken off is no longer asked but still counts", async () => {
    const { course, session, outcomes } = await evaluatedSession();
    const { nominationId, user } = bookedPerson(session.id, t.org.users.viewer);
    await t.app.caller(user).evaluation.questionnaires.submit({
      nominationId,
      stage: "before",
      ratings: ratings(outcomes, [1, 2, 3]),
    });
    const hr = t.app.caller(t.org.users.hr);
    const changed = await hr.evaluation.outcomes.set({
      courseId: course.id,
      outcomes: ["Refer to MARAC", "Record what was said"],
    });
    expect(changed.outcomes.map((outcome) => outcome.statement)).toEqual([
      "Refer to MARAC",
      "Record what was said",
    ]);
    expect(changed.outcomes[0]?.id).toBe(outcomes[2]?.id);
    const results = await hr.evaluation.results.get({ courseId: course.id });
    expect(
      results.courses[0]?.outcomes.map((outcome) => [outcome.statement, outcome.current]),
    ).toEqual([
      ["Refer to MARAC", true],
      ["Record what was said", true],
      ["Recognise coercive control", false],
      ["Ask about abuse safely", false],
    ]);
    await expect(
      hr.evaluation.outcomes.set({ courseId: course.id, outcomes: ["Same", "Same"] }),
    ).rejects.toThrow("must not list an outcome twice");
    await expect(
      t.app.caller(t.other.users.hr).evaluation.outcomes.set({ courseId: course.id, outcomes: [] }),
    ).rejects.toThrow("Course not found");
  });
});

describe("evaluation.results.get", () => {
  function addAgency(name: string): string {
    const id = newId();
    t.app.db
      .insert(agencies)
      .values({
        id,
        organisationId: t.org.id,
        name,
        kind: "police",
        createdAt: "2022-04-01T00:00:00Z",
      })
      .run();
    return id;
  }

  function joinAgency(staffId: string, agencyId: string): void {
    t.app.db.update(staff).set({ agencyId }).where(eq(staff.id, staffId)).run();
  }

  /**
   * Three booked on one session: A and B (police) and C (health). Before: A rates 1, 2 and B 2, 3
   * on two outcomes; C does not answer. All attend; after, A rates 4, 4 and C 3, 5. Nobody has
   * reached the follow-up.
   */
  async function answeredSession() {
    const course = createCourse(t.hr, { title: "Awareness" });
    const set = await t.app
      .caller(t.org.users.hr)
      .evaluation.outcomes.set({ courseId: course.id, outcomes: ["Spot", "Refer"] });
    const session = createSession(t.hr, { courseId: course.id });
    const police = addAgency("Northshire Police");
    const health = addAgency("Northshire NHS Trust");
    const a = bookedPerson(session.id, t.org.users.viewer, { name: "Asha" });
    const b = bookedPerson(session.id, t.org.users.accreditation_lead, { name: "Ben" });
    const c = bookedPerson(session.id, t.org.users.manager, { name: "Cai" });
    joinAgency(a.person.id, police);
    joinAgency(b.person.id, police);
    joinAgency(c.person.id, health);
    const answer = (who: typeof a, stage: "before" | "after", given: [number[], string?]) =>
      t.app.caller(who.user).evaluation.questionnaires.submit({
        nominationId: who.nominationId,
        stage,
        ratings: ratings(set.outcomes, given[0]),
        comment: given[1] ?? "",
      });
    await answer(a, "before", [[1, 2], "Unsure where to refer"]);
    await answer(b, "before", [[2, 3]]);
    startSession(t.app, t.hr, session.id);
    for (const who of [a, b, c]) {
      await t.app
        .caller(t.org.users.hr)
        .training.attendance.mark({ nominationId: who.nominationId, outcome: "fully_attended" });
    }
    await answer(a, "after", [[4, 4]]);
    await answer(c, "after", [[3, 5], "Much clearer now"]);
    return { course, police, health };
  }

  test("averages per outcome per stage, their change, response counts and rates add up", async () => {
    const { course } = await answeredSession();
    const results = await t.app.caller(t.org.users.viewer).evaluation.results.get({});
    const [awareness] = results.courses;
    expect(awareness?.courseId).toBe(course.id);
    expect(awareness?.stages).toEqual([
      // Before: 2 of 3 answered; ratings 1 + 2 + 2 + 3 = 8 over 4.
      {
        stage: "before",
        invited: 3,
        responses: 2,
        rate: 2 / 3,
        rateText: "66.7%",
        ratings: 4,
        total: 8,
        average: "2.0",
      },
      // After: 2 of 3; 4 + 4 + 3 + 5 = 16 over 4.
      {
        stage: "after",
        invited: 3,
        responses: 2,
        rate: 2 / 3,
        rateText: "66.7%",
        ratings: 4,
        total: 16,
        average: "4.0",
      },
      {
        stage: "follow_up",
        invited: 0,
        responses: 0,
        rate: null,
        rateText: null,
        ratings: 0,
        total: 0,
        average: null,
      },
    ]);
    const spot = awareness?.outcomes[0];
    expect(spot?.stages.map((stage) => stage.average)).toEqual(["1.5", "3.5", null]);
    // (4 + 3) / 2 − (1 + 2) / 2 = 2.0; "Refer": 4.5 − 2.5 = 2.0.
    expect(spot?.changeAfter).toBe("+2.0");
    expect(spot?.changeFollowUp).toBeNull();
    expect(awareness?.outcomes[1]?.stages.map((stage) => stage.average)).toEqual([
      "2.5",
      "4.5",
      null,
    ]);
    // Comments without names, newest first.
    expect(awareness?.comments).toEqual([
      { stage: "after", comment: "Much clearer now" },
      { stage: "before", comment: "Unsure where to refer" },
    ]);
    expect(JSON.stringify(results)).not.toMatch(/Asha|Ben|Cai/);
    // The agencies' rows add up to the course's.
    expect(results.agencies.map((row) => row.agencyName)).toEqual([
      "Northshire NHS Trust",
      "Northshire Police",
    ]);
    for (const [n, stage] of (awareness?.stages ?? []).entries()) {
      const sum = (key: "invited" | "responses" | "ratings" | "total") =>
        results.agencies.reduce((total, row) => total + (row.stages[n]?.[key] ?? 0), 0);
      expect([sum("invited"), sum("responses"), sum("ratings"), sum("total")]).toEqual([
        stage.invited,
        stage.responses,
        stage.ratings,
        stage.total,
      ]);
    }
  });

  test("once six weeks have passed, everyone who attended is counted as asked for the follow-up", async () => {
    await answeredSession();
    t.app.clock.now = new Date("2022-06-21T09:00:00Z");
    const results = await t.app.caller(t.org.users.hr).evaluation.results.get({});
    expect(results.courses[0]?.stages[2]).toMatchObject({
      invited: 3,
      responses: 0,
      rateText: "0.0%",
    });
  });

  test("an agency lead sees only their own agency's answers and comments", async () => {
    const { police, health } = await answeredSession();
    const lead = { ...t.org.users.agency_lead, agencyId: health };
    const results = await t.app.caller(lead).evaluation.results.get({});
    expect(results.agencies.map((row) => row.agencyId)).toEqual([health]);
    expect(results.courses[0]?.stages.slice(0, 2)).toMatchObject([
      { invited: 1, responses: 0, average: null },
      { invited: 1, responses: 1, total: 8, average: "4.0" },
    ]);
    expect(results.courses[0]?.comments).toEqual([{ stage: "after", comment: "Much clearer now" }]);
    // Asking for another agency finds nothing of it.
    const asked = await t.app.caller(lead).evaluation.results.get({ agencyId: police });
    expect(asked.agencies).toEqual([]);
    expect(asked.courses[0]?.stages[0]).toMatchObject({ invited: 0, responses: 0 });
    // HR filters by agency.
    const filtered = await t.app
      .caller(t.org.users.hr)
      .evaluation.results.get({ agencyId: police });
    expect(filtered.courses[0]?.stages[0]).toMatchObject({ invited: 2, responses: 2 });
  });

  test("a period counts sessions starting in it; another organisation sees none of it", async () => {
    const { course, police } = await answeredSession();
    const hr = t.app.caller(t.org.users.hr);
    const inMay = await hr.evaluation.results.get({ from: "2022-05-10", to: "2022-05-10" });
    expect(inMay.courses[0]?.stages[0]?.invited).toBe(3);
    const june = await hr.evaluation.results.get({ from: "2022-06-01", to: "2022-06-30" });
    expect(june.courses[0]?.stages[0]?.invited).toBe(0);
    const other = t.app.caller(t.other.users.hr);
    await expect(other.evaluation.results.get({})).resolves.toEqual({ courses: [], agencies: [] });
    await expect(other.evaluation.results.get({ courseId: course.id })).rejects.toThrow(
      "Course not found",
    );
    await expect(other.evaluation.results.get({ agencyId: police })).rejects.toThrow(
      "Agency not found",
    );
    expect(
      t.app.db.select().from(messages).where(like(messages.bodyText, "%Unsure%")).all(),
    ).toEqual([]);
  });
});
