import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Form, useSearchParams } from "react-router";

import type { BoardReportInput } from "@dapkit/contract";
import { formatMoney } from "@dapkit/funding";
import { formatCount } from "@dapkit/schemas";
import { formatRate } from "@dapkit/training";

import { Button } from "../../components/button";
import { TableScroll } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { PageHeading } from "../../components/small-parts";
import { usePageTitle } from "../../lib/page-title";
import { trpc, type Outputs } from "../../trpc";
import { QuarterSelect } from "./quarter-select";

type Report = Outputs["boardReport"]["get"];
type Section = Report["sections"][number];
type Column = Section["columns"][number];
type Row = Section["rows"][number];

/** The section whose rows the `agency-attendance` export holds. */
const ATTENDANCE_SECTION = "attendance-by-agency";

// A cell as its column's format says: counts with commas, pence as money, fractions as rates.
function cellText(column: Column, row: Row): string {
  const value = row[column.key];
  if (value == null) return "–";
  if (typeof value === "string") return value;
  switch (column.format) {
    case "money":
      return formatMoney(value, { style: "exact" });
    case "percent":
      return formatRate(value);
    case "count":
      return formatCount(value);
    case "text":
      return String(value);
  }
}

function SectionRow({ section, row, total }: { section: Section; row: Row; total?: boolean }) {
  return (
    <tr className="govuk-table__row">
      {section.columns.map((column, index) => {
        const numeric = column.format !== "text";
        const kind = index === 0 ? "header" : "cell";
        const className = `govuk-table__${kind}${numeric ? ` govuk-table__${kind}--numeric` : ""}${total === true ? " govuk-!-font-weight-bold" : ""}`;
        return index === 0 ? (
          <th scope="row" className={className} key={column.key}>
            {cellText(column, row)}
          </th>
        ) : (
          <td className={className} key={column.key}>
            {cellText(column, row)}
          </td>
        );
      })}
    </tr>
  );
}

function SectionTable({
  section,
  query,
}: {
  section: Section;
  query: Record<string, string | undefined>;
}) {
  const captionId = useId();
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={captionId}>
      <h2 className="govuk-heading-m" id={captionId}>
        {section.title}
      </h2>
      <p className="govuk-body">{section.description}</p>
      <TableScroll labelledBy={captionId}>
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">{section.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {section.columns.map((column) => (
                <th
                  scope="col"
                  key={column.key}
                  className={`govuk-table__header${column.format === "text" ? "" : " govuk-table__header--numeric"}`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {section.rows.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={section.columns.length}>
                  There are no figures for this period.
                </td>
              </tr>
            ) : (
              section.rows.map((row, index) => (
                <SectionRow key={index} section={section} row={row} />
              ))
            )}
          </tbody>
          {section.totals === undefined || section.rows.length === 0 ? null : (
            <tfoot>
              <SectionRow section={section} row={section.totals} total />
            </tfoot>
          )}
        </table>
      </TableScroll>
      {section.key === ATTENDANCE_SECTION && section.rows.length > 0 ? (
        <DownloadLink name="agency-attendance" description={section.title} query={query} />
      ) : null}
    </section>
  );
}

function PeriodChoice({ report, input }: { report: Report; input: BoardReportInput }) {
  return (
    <Form method="get" className="govuk-!-margin-bottom-6">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="financialYear"
            label="Financial year"
            defaultValue={report.period.financialYear}
            options={report.financialYears.map((year) => ({ value: year, text: year }))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <QuarterSelect defaultValue={input.quarter === undefined ? "" : String(input.quarter)} />
        </div>
      </div>
      <Button variant="secondary">Show the figures</Button>
    </Form>
  );
}

// The period asked for in the address (`?financialYear=2026/27&quarter=1`): this year unless given;
// a quarter that is not 1–4 is left for the server to refuse, naming it.
function inputFrom(params: URLSearchParams): BoardReportInput {
  const financialYear = params.get("financialYear") ?? "";
  const quarter = params.get("quarter") ?? "";
  return {
    ...(financialYear === "" ? {} : { financialYear }),
    ...(quarter === "" ? {} : { quarter: Number(quarter) as BoardReportInput["quarter"] }),
  };
}

/** The board's report on partnership training: each section for a financial year or quarter. */
export function BoardReportPage() {
  usePageTitle("Board report");
  const [params] = useSearchParams();
  const input = inputFrom(params);
  const report = useQuery(trpc.boardReport.get.queryOptions(input));
  return (
    <>
      <PageHeading caption="Partnership">Board report</PageHeading>
      <QueryState query={report} what="board report">
        {(loaded) => (
          <>
            <p className="govuk-body-l">{loaded.period.label}</p>
            <PeriodChoice report={loaded} input={input} />
            {loaded.sections.map((section) => (
              <SectionTable
                key={section.key}
                section={section}
                query={{
                  financialYear: loaded.period.financialYear,
                  quarter: input.quarter === undefined ? undefined : String(input.quarter),
                }}
              />
            ))}
          </>
        )}
      </QueryState>
    </>
  );
}
