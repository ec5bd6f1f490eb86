import { useQuery } from "@tanstack/react-query";
import { Form, Link, useSearchParams } from "react-router";

import { CHARGE_KIND_LABELS } from "@dapkit/contract";
import { financialYearOf, formatMoney } from "@dapkit/funding";
import { formatCount, formatDate, formatDateTime } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { TableScroll } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { QuarterSelect } from "./quarter-select";

type ChargesList = Outputs["charges"]["list"];
type Charge = ChargesList["charges"][number];

const money = (pence: number) => formatMoney(pence, { style: "exact" });

// The years offered: from 2019/20, the first the shipped bank holidays cover, to next year.
function financialYearChoices(now: Date) {
  const last = financialYearOf(now).startYear + 1;
  return Array.from({ length: last - 2019 + 1 }, (_, index) => {
    const year = financialYearOf(`${String(last - index)}-04-01`);
    return { value: String(year.startYear), text: year.label };
  });
}

// The filters in the address: `?financialYearStart=2026&quarter=1&agencyId=…`; the server refuses
// a bad one, naming it.
function filterFrom(params: URLSearchParams) {
  const text = (name: string) => params.get(name) ?? "";
  return {
    financialYearStart:
      text("financialYearStart") === "" ? null : Number(text("financialYearStart")),
    quarter: text("quarter") === "" ? null : Number(text("quarter")),
    agencyId: text("agencyId") === "" ? null : text("agencyId"),
  };
}

function Filters({ list, filter }: { list: ChargesList; filter: ReturnType<typeof filterFrom> }) {
  const agencies = useQuery(trpc.partnership.agencies.list.queryOptions({ includeArchived: true }));
  return (
    <Form method="get" className="govuk-!-margin-bottom-6">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="financialYearStart"
            label="Financial year"
            defaultValue={String(list.financialYearStart)}
            options={financialYearChoices(new Date())}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <QuarterSelect defaultValue={filter.quarter == null ? "" : String(filter.quarter)} />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            name="agencyId"
            label="Agency"
            defaultValue={filter.agencyId ?? ""}
            options={[
              { value: "", text: "Every agency" },
              ...(agencies.data ?? []).map((agency) => ({ value: agency.id, text: agency.name })),
            ]}
          />
        </div>
      </div>
      <Button variant="secondary">Show the charges</Button>
    </Form>
  );
}

function AgencyTotals({ list }: { list: ChargesList }) {
  return (
    <TableScroll labelledBy="totals-heading">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id="totals-heading">
          Totals by agency
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Agency
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Charges
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Owed
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Waived
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {list.byAgency.map((agency) => (
            <tr className="govuk-table__row" key={agency.agencyId}>
              <th scope="row" className="govuk-table__header">
                {agency.agencyName}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {formatCount(agency.count)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {money(agency.owedPence)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {money(agency.waivedPence)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="govuk-table__row govuk-!-font-weight-bold">
            <th scope="row" className="govuk-table__header">
              Total
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {formatCount(list.charges.length)}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {money(list.owedPence)}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {money(list.waivedPence)}
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

function ChargeRow({ charge, manage }: { charge: Charge; manage: boolean }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">{formatDate(charge.chargedOn)}</td>
      <td className="govuk-table__cell">{charge.agencyName}</td>
      <td className="govuk-table__cell">{charge.staffName}</td>
      <td className="govuk-table__cell">
        {charge.courseTitle}
        <br />
        <span className="govuk-hint">{formatDateTime(charge.sessionStartsAt)}</span>
      </td>
      <td className="govuk-table__cell">
        {CHARGE_KIND_LABELS[charge.kind]}
        <br />
        <span className="govuk-hint">{charge.basis}</span>
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{money(charge.amountPence)}</td>
      <td className="govuk-table__cell">
        {charge.waivedAt != null ? (
          <>
            Waived {formatDate(charge.waivedAt)}: {charge.waiveReason}
          </>
        ) : manage ? (
          <Link
            className="govuk-link"
            to={`/partnership/charges/${charge.id}/waive?financialYearStart=${String(charge.financialYearStart)}`}
          >
            Waive<span className="govuk-visually-hidden"> the charge for {charge.staffName}</span>
          </Link>
        ) : (
          "Owed"
        )}
      </td>
    </tr>
  );
}

function ChargesTable({ list, manage }: { list: ChargesList; manage: boolean }) {
  return (
    <TableScroll labelledBy="charges-heading">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id="charges-heading">
          Charges
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {["Date", "Agency", "Person", "Session", "Charge"].map((heading) => (
              <th scope="col" className="govuk-table__header" key={heading}>
                {heading}
              </th>
            ))}
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Amount
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {list.charges.map((charge) => (
            <ChargeRow key={charge.id} charge={charge} manage={manage} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The charges ledger for a financial year or quarter: totals by agency and each charge, with
 * waivers for the partnership's managers and an invoice-ready download. Agency leads see their
 * own agency's charges only (the server sees to it).
 */
export function ChargesPage() {
  usePageTitle("Charges");
  const user = useCurrentUser();
  const manage = can(user, "managePartnership");
  const [params] = useSearchParams();
  const filter = filterFrom(params);
  const query = useQuery(trpc.charges.list.queryOptions(filter));
  return (
    <>
      <BackLink to="/partnership">Back to the partnership</BackLink>
      <FlashBanner />
      <PageHeading caption="Partnership">Charges</PageHeading>
      <p className="govuk-body">
        What agencies owe under the{" "}
        <Link className="govuk-link" to="/partnership/charging-policy">
          charging policy
        </Link>{" "}
        for late cancellations, no-shows and non-member places, by the financial year of the
        session.
      </p>
      <QueryState query={query} what="charges">
        {(list) => (
          <>
            <Filters list={list} filter={filter} />
            {list.charges.length === 0 ? (
              <p className="govuk-body">There are no charges for this period.</p>
            ) : (
              <>
                <AgencyTotals list={list} />
                <ChargesTable list={list} manage={manage} />
                <DownloadLink
                  name="charges"
                  description="charges, ready to invoice"
                  query={{
                    financialYearStart: String(list.financialYearStart),
                    quarter: filter.quarter == null ? undefined : String(filter.quarter),
                    agencyId: filter.agencyId ?? undefined,
                  }}
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
