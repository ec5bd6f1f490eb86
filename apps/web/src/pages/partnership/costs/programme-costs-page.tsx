import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { PROGRAMME_COST_CATEGORY_LABELS, SHARING_BASIS_LABELS } from "@dapkit/contract";
import { formatMoney } from "@dapkit/funding";
import { formatCount } from "@dapkit/schemas";

import { ButtonLink } from "../../../components/button";
import { DataTable } from "../../../components/data-table";
import { FlashBanner } from "../../../components/flash-banner";
import { QueryState } from "../../../components/query-state";
import { BackLink, InsetText, PageHeading } from "../../../components/small-parts";
import { SummaryList } from "../../../components/summary-list";
import { useCurrentUser } from "../../../lib/current-user";
import { usePageTitle } from "../../../lib/page-title";
import { can } from "../../../lib/permissions";
import { trpc } from "../../../trpc";
import { costsPath, useProgrammeYear, yearLabel, type ProgrammeYear } from "./programme-year";

type Line = ProgrammeYear["lines"][number];
type Share = ProgrammeYear["shares"][number];

function lineActions(line: Line) {
  return (
    <ul className="govuk-list">
      <li>
        <Link
          className="govuk-link"
          to={`/partnership/costs/${line.id}/edit?year=${String(line.financialYearStart)}`}
        >
          Change<span className="govuk-visually-hidden"> {line.description}</span>
        </Link>
      </li>
      <li>
        <Link
          className="govuk-link"
          to={`/partnership/costs/${line.id}/remove?year=${String(line.financialYearStart)}`}
        >
          Remove<span className="govuk-visually-hidden"> {line.description}</span>
        </Link>
      </li>
    </ul>
  );
}

function Summary({ year }: { year: ProgrammeYear }) {
  const budget = year.budget;
  return (
    <SummaryList
      rows={[
        { key: "Programme cost", value: formatMoney(year.totalPence) },
        { key: "Shared by", value: SHARING_BASIS_LABELS[year.basis] },
        {
          key: "Budget",
          value:
            year.fundingPlan == null || year.workstream == null
              ? "Not linked to a funding plan"
              : `${year.workstream.name} in ${year.fundingPlan.name}: ${
                  budget == null
                    ? `no budget for ${year.financialYear}`
                    : formatMoney(budget.budgetPence)
                }`,
        },
        ...(budget == null
          ? []
          : [
              {
                key: budget.remainingPence < 0 ? "Over budget by" : "Budget remaining",
                value: formatMoney(Math.abs(budget.remainingPence)),
              },
            ]),
        { key: "Attendees", value: formatCount(year.attendees) },
        {
          key: "Cost per attendee",
          value:
            year.costPerAttendeePence == null
              ? "No attendees yet"
              : formatMoney(year.costPerAttendeePence),
        },
      ]}
    />
  );
}

function YearContent({ year, manage }: { year: ProgrammeYear; manage: boolean }) {
  return (
    <>
      <Summary year={year} />
      {manage ? (
        <p className="govuk-body">
          <Link
            className="govuk-link"
            to={`/partnership/costs/sharing?year=${String(year.financialYearStart)}`}
          >
            Change how the costs are shared and the budget they are measured against
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Cost lines</h2>
      {manage ? (
        <ButtonLink to={`/partnership/costs/new?year=${String(year.financialYearStart)}`}>
          Add a cost
        </ButtonLink>
      ) : null}
      <DataTable<Line>
        caption={`Cost lines in ${year.financialYear}`}
        captionSize="visually-hidden"
        rows={year.lines}
        rowKey={(row) => row.id}
        exportName={`programme-costs-${String(year.financialYearStart)}`}
        empty={`No costs have been recorded for ${year.financialYear} yet.`}
        columns={[
          { header: "Description", rowHeader: true, cell: (row) => row.description },
          { header: "Category", cell: (row) => PROGRAMME_COST_CATEGORY_LABELS[row.category] },
          { header: "Amount", numeric: true, cell: (row) => formatMoney(row.amountPence) },
          ...(manage
            ? [
                {
                  header: <span className="govuk-visually-hidden">Actions</span>,
                  notExported: true,
                  cell: lineActions,
                },
              ]
            : []),
        ]}
      />
      <h2 className="govuk-heading-m">Each agency&apos;s share</h2>
      {year.sharesProblem == null ? (
        <DataTable<Share>
          caption={`Shares of the programme cost in ${year.financialYear}`}
          captionSize="visually-hidden"
          rows={year.shares}
          rowKey={(row) => row.agencyId}
          exportName={`programme-cost-shares-${String(year.financialYearStart)}`}
          empty="There are no shares to show."
          columns={[
            { header: "Agency", rowHeader: true, cell: (row) => row.agencyName },
            ...(year.basis === "agreed_percentages"
              ? [
                  {
                    header: "Agreed percentage",
                    numeric: true,
                    cell: (row: Share) => `${String(row.percent)}%`,
                  },
                ]
              : []),
            {
              header: "Places booked",
              numeric: true,
              cell: (row) => formatCount(row.placesBooked),
            },
            { header: "Attendees", numeric: true, cell: (row) => formatCount(row.attendees) },
            { header: "Share", numeric: true, cell: (row) => formatMoney(row.sharePence) },
          ]}
        />
      ) : (
        <InsetText>{year.sharesProblem}</InsetText>
      )}
    </>
  );
}

/** A financial year's shared programme costs, each agency's share, the budget and cost per attendee. */
export function ProgrammeCostsPage() {
  const start = useProgrammeYear();
  usePageTitle(`Programme costs ${yearLabel(start)}`);
  const user = useCurrentUser();
  const query = useQuery(trpc.programmeCosts.get.queryOptions({ financialYearStart: start }));
  return (
    <>
      <BackLink to="/partnership">Back to the partnership</BackLink>
      <FlashBanner />
      <PageHeading caption="Partnership">Programme costs {yearLabel(start)}</PageHeading>
      <nav aria-label="Financial years" className="govuk-body">
        <Link className="govuk-link" to={costsPath(start - 1)}>
          {yearLabel(start - 1)}
          <span className="govuk-visually-hidden"> (previous year)</span>
        </Link>
        {" | "}
        <Link className="govuk-link" to={costsPath(start + 1)}>
          {yearLabel(start + 1)}
          <span className="govuk-visually-hidden"> (next year)</span>
        </Link>
      </nav>
      <QueryState query={query} what="programme costs">
        {(year) => <YearContent year={year} manage={can(user, "managePartnership")} />}
      </QueryState>
    </>
  );
}
