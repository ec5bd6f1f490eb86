import type { EvaluationStage } from "@dapkit/contract";

import { change, evaluationResults } from "../evaluation/evaluation-results";
import type { Scope } from "../scope";
import type {
  BoardReportSection,
  ReportPeriod,
  SectionColumn,
  SectionRow,
  SectionTable,
} from "./section";

const COLUMNS: readonly SectionColumn[] = [
  { key: "course", label: "Course", format: "text" },
  { key: "responsesBefore", label: "Answers before", format: "count" },
  { key: "averageBefore", label: "Confidence before", format: "text" },
  { key: "responsesAfter", label: "Answers after", format: "count" },
  { key: "averageAfter", label: "Confidence after", format: "text" },
  { key: "changeAfter", label: "Change after", format: "text" },
  { key: "responsesFollowUp", label: "Answers at 6 to 8 weeks", format: "count" },
  { key: "averageFollowUp", label: "Confidence at 6 to 8 weeks", format: "text" },
  { key: "changeFollowUp", label: "Change at 6 to 8 weeks", format: "text" },
  { key: "followUpRate", label: "Follow-up response rate", format: "percent" },
];

/**
 * The evaluation rows for a period, one per course with learning outcomes: answers at each stage,
 * the average confidence (1 to 5, over every outcome) and its change since before the session.
 * Scoped as the results are: an agency lead's rows count their own agency's people only.
 */
export function evaluationRows(scope: Scope, period: ReportPeriod): SectionRow[] {
  const { courses } = evaluationResults(scope, { from: period.start, to: period.end });
  return courses.map((course) => {
    const at = (stage: EvaluationStage) => {
      const found = course.stages.find((figures) => figures.stage === stage);
      return found ?? { responses: 0, ratings: 0, total: 0, average: null, rate: null };
    };
    const before = at("before");
    return {
      course: course.courseTitle,
      responsesBefore: before.responses,
      averageBefore: before.average,
      responsesAfter: at("after").responses,
      averageAfter: at("after").average,
      changeAfter: change(before, at("after")),
      responsesFollowUp: at("follow_up").responses,
      averageFollowUp: at("follow_up").average,
      changeFollowUp: change(before, at("follow_up")),
      followUpRate: at("follow_up").rate,
    };
  });
}

/** The board report's evaluation section. */
export const evaluationSection: BoardReportSection = {
  key: "evaluation",
  title: "Evaluation",
  description:
    "How confident people felt in each course's learning outcomes, from 1 to 5, before its sessions in the period, straight after and 6 to 8 weeks later with their manager.",
  build: (scope, period): SectionTable => ({
    columns: COLUMNS,
    rows: evaluationRows(scope, period),
  }),
};
