import { describe, expect, test } from "vitest";

import {
  createBookings,
  createCourse,
  createSession,
  createStaff,
  scopeAs,
} from "../../test/builders";
import { useTwoOrganisations } from "../../test/two-organisations";
import { setCourseOutcomes } from "../evaluation/course-outcomes";
import { insertAnswers } from "../evaluation/submit-evaluation";
import { evaluationSection } from "./evaluation-section";
import { BOARD_REPORT_SECTIONS } from "./sections";
import type { ReportPeriod } from "./section";

const t = useTwoOrganisations();

const YEAR: ReportPeriod = {
  financialYear: "2022/23",
  financialYearStart: 2022,
  start: "2022-04-01",
  end: "2023-03-31",
  label: "2022/23",
};

describe("the board report's evaluation section", () => {
  test("is listed last among the board report's sections", () => {
    expect(BOARD_REPORT_SECTIONS.at(-1)).toBe(evaluationSection);
  });

  test("one row per course: answers, average confidence and its change at each stage", () => {
    const course = createCourse(t.hr, { title: "Awareness" });
    const { outcomes } = setCourseOutcomes(t.hr, {
      courseId: course.id,
      outcomes: ["Spot", "Refer"],
    });
    const session = createSession(t.hr, { courseId: course.id });
    const staffIds = [createStaff(t.hr).id, createStaff(t.hr).id];
    const [a, b] = createBookings(t.hr, { sessionId: session.id, staffIds });
    const answer = (nominationId: string, stage: "before" | "after", values: [number, number]) =>
      insertAnswers(t.hr.db, t.hr, {
        nominationId,
        stage,
        ratings: outcomes.map((outcome, n) => ({
          outcomeId: outcome.id,
          confidence: values[n] ?? 0,
        })),
        comment: "",
      });
    answer(a?.id ?? "", "before", [1, 2]);
    answer(b?.id ?? "", "before", [2, 2]);
    answer(a?.id ?? "", "after", [4, 5]);
    const table = evaluationSection.build(scopeAs(t.app, t.org.users.viewer), YEAR);
    expect(table.columns.map((column) => column.key)).toEqual(Object.keys(table.rows[0] ?? {}));
    expect(table.rows).toEqual([
      {
        course: "Awareness",
        responsesBefore: 2,
        // 7 over 4 ratings; after, 9 over 2: the change is 4.5 − 1.75 = 2.75.
        averageBefore: "1.8",
        responsesAfter: 1,
        averageAfter: "4.5",
        changeAfter: "+2.8",
        responsesFollowUp: 0,
        averageFollowUp: null,
        changeFollowUp: null,
        followUpRate: null,
      },
    ]);
    const nextYear = { ...YEAR, start: "2023-04-01", end: "2024-03-31" };
    expect(evaluationSection.build(t.hr, nextYear).rows[0]).toMatchObject({ responsesBefore: 0 });
    expect(evaluationSection.build(scopeAs(t.app, t.other.users.hr), YEAR).rows).toEqual([]);
  });
});
