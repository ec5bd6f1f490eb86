import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { EVALUATION_STAGE_SHORT_LABELS } from "@dapkit/contract";

import { Button, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";

type Results = Outputs["evaluation"]["results"]["get"];
type CourseResults = Results["courses"][number];
type StageFigures = CourseResults["stages"][number];

const NONE = "–";

const stageColumns = [
  {
    header: "Questionnaire",
    rowHeader: true,
    cell: (row: StageFigures) => EVALUATION_STAGE_SHORT_LABELS[row.stage],
  },
  { header: "Asked", numeric: true, cell: (row: StageFigures) => row.invited },
  { header: "Answered", numeric: true, cell: (row: StageFigures) => row.responses },
  { header: "Response rate", numeric: true, cell: (row: StageFigures) => row.rateText ?? NONE },
  {
    header: "Average confidence (1 to 5)",
    numeric: true,
    cell: (row: StageFigures) => row.average ?? NONE,
  },
];

function CourseSection({ course }: { course: CourseResults }) {
  return (
    <section aria-labelledby={`course-${course.courseId}`}>
      <h2 className="govuk-heading-m" id={`course-${course.courseId}`}>
        {course.courseTitle}
      </h2>
      <DataTable
        caption={`Answers to each questionnaire: ${course.courseTitle}`}
        captionSize="s"
        rows={course.stages}
        rowKey={(row) => row.stage}
        columns={stageColumns}
      />
      <DataTable
        caption={`Average confidence in each learning outcome: ${course.courseTitle}`}
        captionSize="s"
        rows={course.outcomes}
        rowKey={(row) => row.outcomeId}
        columns={[
          {
            header: "Learning outcome",
            rowHeader: true,
            cell: (row) => (row.current ? row.statement : `${row.statement} (no longer asked)`),
          },
          ...stageAverageColumns(),
          { header: "Change after", numeric: true, cell: (row) => row.changeAfter ?? NONE },
          {
            header: "Change at 6 to 8 weeks",
            numeric: true,
            cell: (row) => row.changeFollowUp ?? NONE,
          },
        ]}
      />
      <h3 className="govuk-heading-s">Comments</h3>
      {course.comments.length === 0 ? (
        <p className="govuk-body">No comments yet.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {course.comments.map((comment, index) => (
            <li key={index}>
              <span className="govuk-caption-s">
                {EVALUATION_STAGE_SHORT_LABELS[comment.stage]}
              </span>
              <q>{comment.comment}</q>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The average at each stage, one column per stage.
function stageAverageColumns() {
  return (["before", "after", "follow_up"] as const).map((stage) => ({
    header: EVALUATION_STAGE_SHORT_LABELS[stage],
    numeric: true,
    cell: (row: CourseResults["outcomes"][number]) =>
      row.stages.find((figures) => figures.stage === stage)?.average ?? NONE,
  }));
}

function AgencyTable({ agencies }: { agencies: Results["agencies"] }) {
  return (
    <DataTable
      caption="By agency"
      rows={agencies}
      rowKey={(row) => row.agencyId ?? "none"}
      empty="No one has been asked yet."
      columns={[
        { header: "Agency", rowHeader: true, cell: (row) => row.agencyName },
        ...(["before", "after", "follow_up"] as const).map((stage) => ({
          header: `${EVALUATION_STAGE_SHORT_LABELS[stage]}: answered (average)`,
          numeric: true,
          cell: (row: Results["agencies"][number]) => {
            const figures = row.stages.find((found) => found.stage === stage);
            return figures == null
              ? NONE
              : `${figures.responses} of ${figures.invited} (${figures.average ?? NONE})`;
          },
        })),
      ]}
    />
  );
}

// Chosen with a button, not on change: moving through the list must not reload the page (WCAG 3.2.2).
function CourseFilter({
  courses,
  chosen,
  onChoose,
}: {
  courses: readonly { id: string; title: string }[];
  chosen: string;
  onChoose: (courseId: string) => void;
}) {
  const [course, setCourse] = useState(chosen);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onChoose(course);
      }}
    >
      <Select
        name="course"
        label="Course"
        value={course}
        onChange={(event) => setCourse(event.target.value)}
        options={[
          { value: "", text: "All courses with learning outcomes" },
          ...courses.map((found) => ({ value: found.id, text: found.title })),
        ]}
      />
      <Button variant="secondary">Show results</Button>
    </form>
  );
}

/** Evaluation results by course and agency: confidence before, after and 6 to 8 weeks on. */
export function EvaluationResultsPage() {
  usePageTitle("Evaluation");
  const user = useCurrentUser();
  const filters = useFilters(["course"] as const);
  const courseId = filters.values.course;
  const courses = useQuery(trpc.training.courses.list.queryOptions());
  const results = useQuery(
    trpc.evaluation.results.get.queryOptions(courseId === "" ? {} : { courseId }),
  );
  return (
    <>
      <BackLink to="/partnership">Back to the partnership</BackLink>
      <FlashBanner />
      <PageHeading caption="Partnership">Evaluation</PageHeading>
      <p className="govuk-body">
        People rate their confidence in each course&rsquo;s learning outcomes from 1 to 5 before a
        session, straight after it and 6 to 8 weeks later with their manager. Comments are shown
        without names.
      </p>
      {user.role === "agency_lead" ? (
        <InsetText>These figures count your own agency&rsquo;s people only.</InsetText>
      ) : null}
      {can(user, "manageStaff") ? (
        <ButtonLink to="/partnership/evaluation/outcomes" variant="secondary">
          Set a course’s learning outcomes
        </ButtonLink>
      ) : null}
      <CourseFilter
        courses={courses.data ?? []}
        chosen={courseId}
        onChoose={(course) => filters.set({ course })}
      />
      <QueryState query={results} what="evaluation results">
        {(found) => (
          <>
            {found.courses.length === 0 ? (
              <InsetText>
                No course has learning outcomes yet, so there are no questionnaires.
              </InsetText>
            ) : (
              found.courses.map((course) => <CourseSection key={course.courseId} course={course} />)
            )}
            <AgencyTable agencies={found.agencies} />
          </>
        )}
      </QueryState>
    </>
  );
}
