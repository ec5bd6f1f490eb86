import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { Button, ButtonGroup } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";
import {
  emptyForm,
  formOf,
  formProblems,
  MAX_YEARS,
  newPartner,
  newWorkstream,
  SECTOR_OPTIONS,
  withYearCount,
  yearsOf,
  type PlanForm,
} from "./plan-form-model";
import { YearGrid } from "./year-grid";
import "./funding.css";

type Plan = Outputs["funding"]["get"];

const YEAR_COUNTS = Array.from({ length: MAX_YEARS }, (_, i) => ({
  value: String(i + 1),
  text: String(i + 1),
}));

function PlanFormFields({ stored }: { stored: Plan | undefined }) {
  const navigate = useNavigateWithFlash();
  const [form, setForm] = useState<PlanForm>(() =>
    stored === undefined ? emptyForm() : formOf(stored.name, stored.plan),
  );
  const errors = useFormErrors({});
  const years = yearsOf(form) ?? [];
  const yearOptions = [
    { value: "", text: "Choose a year" },
    ...years.map((y) => ({ value: y, text: y })),
  ];
  const options = {
    onSuccess: async (saved: Plan) => {
      await queryClient.invalidateQueries({ queryKey: trpc.funding.pathKey() });
      navigate(
        `/funding/${saved.id}`,
        stored === undefined ? "Funding plan added" : "Funding plan saved",
      );
    },
    onError: errors.fromServer,
  };
  const create = useMutation(trpc.funding.create.mutationOptions(options));
  const update = useMutation(trpc.funding.update.mutationOptions(options));

  const change = (next: Partial<PlanForm>) => setForm((current) => ({ ...current, ...next }));
  const setRow = <K extends "partners" | "workstreams" | "grants" | "drawdowns" | "carryForwards">(
    list: K,
    index: number,
    row: Partial<PlanForm[K][number]>,
  ) =>
    setForm((current) => ({
      ...current,
      [list]: current[list].map((each, i) => (i === index ? { ...each, ...row } : each)),
    }));
  const removeRow = (
    list: "partners" | "workstreams" | "grants" | "drawdowns" | "carryForwards",
    index: number,
  ) => setForm((current) => ({ ...current, [list]: current[list].filter((_, i) => i !== index) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { plan, problems } = formProblems(form);
    if (!errors.check(problems)) return;
    if (stored === undefined) create.mutate({ name: plan.name, plan });
    else update.mutate({ id: stored.id, data: { name: plan.name, plan } });
  }

  const error = errors.errorFor;
  return (
    <>
      <ErrorSummary errors={errors.errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          label="Plan name"
          hint="For example, Oxfordshire domestic abuse services 2018/19"
          name="name"
          value={form.name}
          error={error("name")}
          onChange={(event) => change({ name: event.target.value })}
        />
        <TextInput
          label="First financial year"
          hint="For example, 2018/19"
          className="govuk-input--width-5"
          name="firstYear"
          value={form.firstYear}
          error={error("firstYear")}
          onChange={(event) => change({ firstYear: event.target.value })}
        />
        <Select
          label="Number of financial years"
          name="yearCount"
          options={YEAR_COUNTS}
          value={form.yearCount}
          onChange={(event) =>
            setForm((current) => withYearCount(current, Number(event.target.value)))
          }
        />

        <YearGrid
          caption="Cost each year"
          years={years}
          errorFor={error}
          rows={[
            {
              heading: "Cost",
              idPrefix: "cost",
              label: (year) => `The ${year} cost`,
              values: form.costs,
              onChange: (costs) => change({ costs }),
            },
          ]}
        />

        <h2 className="govuk-heading-m">Partners and their contributions</h2>
        <p className="govuk-body">
          Cash pays the cost. Contributions in kind (a room, staff time) are valued and shown beside
          it.
        </p>
        {form.partners.map((partner, p) => {
          const who = partner.name.trim() === "" ? `Partner ${String(p + 1)}` : partner.name;
          return (
            <fieldset key={p} className="govuk-fieldset app-plan-row">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{`Partner ${String(p + 1)}`}</legend>
              <TextInput
                label="Name"
                name={`partner-${String(p)}-name`}
                value={partner.name}
                error={error(`partner-${String(p)}-name`)}
                onChange={(event) => setRow("partners", p, { name: event.target.value })}
              />
              <Select
                label="Sector (the basis of its fair share)"
                name={`partner-${String(p)}-sector`}
                options={SECTOR_OPTIONS}
                value={partner.sector}
                onChange={(event) => setRow("partners", p, { sector: event.target.value })}
              />
              <TextInput
                label="Last day it funds (optional)"
                hint="For a partner that is leaving, as YYYY-MM-DD, for example 2019-03-31"
                className="govuk-input--width-10"
                name={`partner-${String(p)}-endDate`}
                value={partner.endDate}
                error={error(`partner-${String(p)}-endDate`)}
                onChange={(event) => setRow("partners", p, { endDate: event.target.value })}
              />
              <YearGrid
                caption={`${who}'s contributions`}
                years={years}
                errorFor={error}
                rows={[
                  {
                    heading: "Cash",
                    idPrefix: `partner-${String(p)}-cash`,
                    label: (year) => `${who}'s ${year} cash contribution`,
                    values: partner.cash,
                    onChange: (cash) => setRow("partners", p, { cash }),
                  },
                  {
                    heading: "In kind",
                    idPrefix: `partner-${String(p)}-inKind`,
                    label: (year) => `${who}'s ${year} contribution in kind`,
                    values: partner.inKind,
                    onChange: (inKind) => setRow("partners", p, { inKind }),
                  },
                ]}
              />
              <Button type="button" variant="secondary" onClick={() => removeRow("partners", p)}>
                Remove {who}
              </Button>
            </fieldset>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() => change({ partners: [...form.partners, newPartner(years.length)] })}
        >
          Add a partner
        </Button>

        <h2 className="govuk-heading-m">Grants</h2>
        {form.grants.map((grant, g) => (
          <fieldset key={g} className="govuk-fieldset app-plan-row">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{`Grant ${String(g + 1)}`}</legend>
            <TextInput
              label="Name"
              name={`grant-${String(g)}-name`}
              value={grant.name}
              error={error(`grant-${String(g)}-name`)}
              onChange={(event) => setRow("grants", g, { name: event.target.value })}
            />
            <Select
              label="Financial year"
              name={`grant-${String(g)}-year`}
              options={yearOptions}
              value={grant.year}
              error={error(`grant-${String(g)}-year`)}
              onChange={(event) => setRow("grants", g, { year: event.target.value })}
            />
            <TextInput
              label="Amount"
              className="govuk-input--width-10"
              name={`grant-${String(g)}-amount`}
              value={grant.amount}
              error={error(`grant-${String(g)}-amount`)}
              onChange={(event) => setRow("grants", g, { amount: event.target.value })}
            />
            <TextInput
              label="Last day it funds (optional)"
              hint="As YYYY-MM-DD, for example 2019-03-31"
              className="govuk-input--width-10"
              name={`grant-${String(g)}-endDate`}
              value={grant.endDate}
              error={error(`grant-${String(g)}-endDate`)}
              onChange={(event) => setRow("grants", g, { endDate: event.target.value })}
            />
            <Button type="button" variant="secondary" onClick={() => removeRow("grants", g)}>
              Remove grant {g + 1}
            </Button>
          </fieldset>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            change({ grants: [...form.grants, { name: "", year: "", amount: "", endDate: "" }] })
          }
        >
          Add a grant
        </Button>

        <h2 className="govuk-heading-m">Reserves and carry-forwards</h2>
        {form.drawdowns.map((drawdown, d) => (
          <fieldset key={d} className="govuk-fieldset app-plan-row">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{`Reserve drawdown ${String(d + 1)}`}</legend>
            <TextInput
              label="Reserve"
              name={`drawdown-${String(d)}-reserve`}
              value={drawdown.reserve}
              error={error(`drawdown-${String(d)}-reserve`)}
              onChange={(event) => setRow("drawdowns", d, { reserve: event.target.value })}
            />
            <Select
              label="Financial year"
              name={`drawdown-${String(d)}-year`}
              options={yearOptions}
              value={drawdown.year}
              error={error(`drawdown-${String(d)}-year`)}
              onChange={(event) => setRow("drawdowns", d, { year: event.target.value })}
            />
            <TextInput
              label="Amount"
              className="govuk-input--width-10"
              name={`drawdown-${String(d)}-amount`}
              value={drawdown.amount}
              error={error(`drawdown-${String(d)}-amount`)}
              onChange={(event) => setRow("drawdowns", d, { amount: event.target.value })}
            />
            <Button type="button" variant="secondary" onClick={() => removeRow("drawdowns", d)}>
              Remove reserve drawdown {d + 1}
            </Button>
          </fieldset>
        ))}
        {form.carryForwards.map((carry, c) => (
          <fieldset key={c} className="govuk-fieldset app-plan-row">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{`Carry-forward ${String(c + 1)}`}</legend>
            <Select
              label="From the surplus of"
              name={`carry-${String(c)}-from`}
              options={yearOptions}
              value={carry.from}
              error={error(`carry-${String(c)}-from`)}
              onChange={(event) => setRow("carryForwards", c, { from: event.target.value })}
            />
            <Select
              label="Into"
              name={`carry-${String(c)}-to`}
              options={yearOptions}
              value={carry.to}
              error={error(`carry-${String(c)}-to`)}
              onChange={(event) => setRow("carryForwards", c, { to: event.target.value })}
            />
            <TextInput
              label="Amount"
              hint="It is checked against that year's surplus when you save"
              className="govuk-input--width-10"
              name={`carry-${String(c)}-amount`}
              value={carry.amount}
              error={error(`carry-${String(c)}-amount`)}
              onChange={(event) => setRow("carryForwards", c, { amount: event.target.value })}
            />
            <Button type="button" variant="secondary" onClick={() => removeRow("carryForwards", c)}>
              Remove carry-forward {c + 1}
            </Button>
          </fieldset>
        ))}
        <ButtonGroup>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              change({ drawdowns: [...form.drawdowns, { reserve: "", year: "", amount: "" }] })
            }
          >
            Add a reserve drawdown
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              change({ carryForwards: [...form.carryForwards, { from: "", to: "", amount: "" }] })
            }
          >
            Add a carry-forward
          </Button>
        </ButtonGroup>

        <h2 className="govuk-heading-m">Workstreams</h2>
        <p className="govuk-body">
          Each workstream&apos;s share of the cost, and its budget against forecast or outturn each
          year.
        </p>
        {form.workstreams.map((workstream, w) => {
          const what =
            workstream.name.trim() === "" ? `Workstream ${String(w + 1)}` : workstream.name;
          return (
            <fieldset key={w} className="govuk-fieldset app-plan-row">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{`Workstream ${String(w + 1)}`}</legend>
              <TextInput
                label="Name"
                name={`workstream-${String(w)}-name`}
                value={workstream.name}
                error={error(`workstream-${String(w)}-name`)}
                onChange={(event) => setRow("workstreams", w, { name: event.target.value })}
              />
              <TextInput
                label="Share of the cost (%)"
                className="govuk-input--width-4"
                name={`workstream-${String(w)}-percent`}
                value={workstream.percent}
                error={error(`workstream-${String(w)}-percent`)}
                onChange={(event) => setRow("workstreams", w, { percent: event.target.value })}
              />
              <YearGrid
                caption={`${what}'s budget and spend`}
                years={years}
                errorFor={error}
                rows={(["budget", "forecast", "outturn"] as const).map((part) => ({
                  heading: { budget: "Budget", forecast: "Forecast", outturn: "Outturn" }[part],
                  idPrefix: `workstream-${String(w)}-${part}`,
                  label: (year: string) => `${what}'s ${year} ${part}`,
                  values: workstream[part],
                  onChange: (values: string[]) => setRow("workstreams", w, { [part]: values }),
                }))}
              />
              <Button type="button" variant="secondary" onClick={() => removeRow("workstreams", w)}>
                Remove {what}
              </Button>
            </fieldset>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            change({ workstreams: [...form.workstreams, newWorkstream(years.length)] })
          }
        >
          Add a workstream
        </Button>

        <ButtonGroup>
          <Button busy={create.isPending || update.isPending}>
            {stored === undefined ? "Save plan" : "Save changes"}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

/** Adds a funding plan, or (with a plan id in the address) changes one. */
export function FundingPlanFormPage() {
  const { planId } = useParams();
  const query = useQuery({
    ...trpc.funding.get.queryOptions({ id: planId ?? "" }),
    enabled: planId !== undefined,
  });
  usePageTitle(planId === undefined ? "Add a funding plan" : "Change a funding plan");
  if (planId === undefined) {
    return (
      <>
        <BackLink to="/funding">Back to funding plans</BackLink>
        <PageHeading caption="Funding plans">Add a funding plan</PageHeading>
        <PlanFormFields stored={undefined} />
      </>
    );
  }
  return (
    <>
      <BackLink to={`/funding/${planId}`}>Back to the plan</BackLink>
      <FlashBanner />
      <QueryState query={query} what="funding plan">
        {(plan) => (
          <>
            <PageHeading caption="Change a funding plan">{plan.name}</PageHeading>
            <PlanFormFields stored={plan} />
          </>
        )}
      </QueryState>
    </>
  );
}
