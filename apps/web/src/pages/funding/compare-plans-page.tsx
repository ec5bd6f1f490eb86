import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";

import { compareFundingPlans, formatMoney, type ComparedYear } from "@dapkit/funding";

import { Button } from "../../components/button";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { Select } from "../../components/select";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import "./funding.css";

function change(pence: number): string {
  if (pence === 0) return "No change";
  return `${pence > 0 ? "+" : "−"}${formatMoney(Math.abs(pence))}`;
}

/** One year (or the totals) side by side, each changed line marked in words as well as colour. */
function ComparedTable({
  year,
  before,
  after,
}: {
  year: ComparedYear;
  before: string;
  after: string;
}) {
  const title = year.financialYear ?? "Whole plan";
  return (
    <div className="app-table-scroll" role="region" aria-label={title} tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {title}
          {year.changed ? "" : ": no differences"}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Figure
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {before}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {after}
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Difference
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {year.lines.map((line) => {
            const changed = line.differencePence !== 0;
            return (
              <tr key={line.key} className={`govuk-table__row${changed ? " app-changed" : ""}`}>
                <th scope="row" className="govuk-table__header">
                  {line.key.startsWith("partner:") ? `— ${line.label}` : line.label}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {line.beforePence == null ? "Not in this version" : formatMoney(line.beforePence)}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {line.afterPence == null ? "Not in this version" : formatMoney(line.afterPence)}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {changed ? <strong>{change(line.differencePence)}</strong> : "No change"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Two versions of a plan side by side, year by year and in total, with the differences marked. */
export function ComparePlansPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const beforeId = params.get("before") ?? "";
  const afterId = params.get("after") ?? "";
  usePageTitle("Compare funding plans");
  const list = useQuery(trpc.funding.list.queryOptions());
  const before = useQuery({
    ...trpc.funding.get.queryOptions({ id: beforeId }),
    enabled: beforeId !== "",
  });
  const after = useQuery({
    ...trpc.funding.get.queryOptions({ id: afterId }),
    enabled: afterId !== "",
  });
  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const picked = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    };
    const search = new URLSearchParams({ before: picked("before"), after: picked("after") });
    void navigate(`/funding/compare?${search.toString()}`);
  }
  return (
    <>
      <BackLink to="/funding">Back to funding plans</BackLink>
      <PageHeading caption="Funding plans">Compare two versions</PageHeading>
      <QueryState query={list} what="funding plans">
        {(plans) => {
          const options = [
            { value: "", text: "Choose a plan" },
            ...plans.map((plan) => ({
              value: plan.id,
              text: plan.scenario == null ? plan.name : `${plan.name} (scenario: ${plan.scenario})`,
            })),
          ];
          return (
            <form onSubmit={choose} key={`${beforeId} ${afterId}`}>
              <Select label="Compare" name="before" options={options} defaultValue={beforeId} />
              <Select label="With" name="after" options={options} defaultValue={afterId} />
              <Button variant="secondary">Compare</Button>
            </form>
          );
        }}
      </QueryState>
      {beforeId === "" || afterId === "" ? null : (
        <QueryState query={before} what="first plan">
          {(first) => (
            <QueryState query={after} what="second plan">
              {(second) => {
                const compared = compareFundingPlans(first.result, second.result);
                return (
                  <>
                    <p className="govuk-body">
                      Differences are {second.name} less {first.name}; changed figures are marked
                      and shaded.
                    </p>
                    <ComparedTable year={compared.totals} before={first.name} after={second.name} />
                    {compared.years.map((year) => (
                      <ComparedTable
                        key={year.financialYear}
                        year={year}
                        before={first.name}
                        after={second.name}
                      />
                    ))}
                  </>
                );
              }}
            </QueryState>
          )}
        </QueryState>
      )}
    </>
  );
}
