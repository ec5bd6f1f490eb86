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
  type PartnerRow,
  type PlanForm,
  type WorkstreamRow,
} from "./plan-form-model";
import { RowList, type RowField } from "./row-list";
import { YearGrid } from "./year-grid";
import "./funding.css";

type Plan = Outputs["funding"]["get"];

const WIDTH_10 = "govuk-input--width-10";

const PARTNER_FIELDS: readonly RowField<PartnerRow>[] = [
  { key: "name", label: "Name" },
  { key: "sector", label: "Sector (the basis of its fair share)", options: SECTOR_OPTIONS },
  {
    key: "endDate",
    label: "Last day it funds (optional)",
    hint: "For a partner that is leaving, as YYYY-MM-DD, for example 2019-03-31",
    className: WIDTH_10,
  },
];

const WORKSTREAM_FIELDS: readonly RowField<WorkstreamRow>[] = [
  { key: "name", label: "Name" },
  { key: "percent", label: "Share of the cost (%)", className: "govuk-input--width-4" },
];

// A row is called by its name once it has one, so its grid and button say whose they are.
const partnerName = (partner: PartnerRow, p: number) =>
  partner.name.trim() === "" ? `Partner ${String(p + 1)}` : partner.name;
const workstreamName = (workstream: WorkstreamRow, w: number) =>
  workstream.name.trim() === "" ? `Workstream ${String(w + 1)}` : workstream.name;

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
        <RowList
          rows={form.partners}
          prefix="partner"
          legend={(p) => `Partner ${String(p + 1)}`}
          removeText={(partner, p) => `Remove ${partnerName(partner, p)}`}
          fields={PARTNER_FIELDS}
          errorFor={error}
          onChange={(p, row) => setRow("partners", p, row)}
          onRemove={(p) => removeRow("partners", p)}
        >
          {(partner, p) => {
            const who = partnerName(partner, p);
            return (
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
            );
          }}
        </RowList>
        <Button
          type="button"
          variant="secondary"
          onClick={() => change({ partners: [...form.partners, newPartner(years.length)] })}
        >
          Add a partner
        </Button>

        <h2 className="govuk-heading-m">Grants</h2>
        <RowList
          rows={form.grants}
          prefix="grant"
          legend={(g) => `Grant ${String(g + 1)}`}
          removeText={(_, g) => `Remove grant ${String(g + 1)}`}
          fields={[
            { key: "name", label: "Name" },
            { key: "year", label: "Financial year", options: yearOptions },
            { key: "amount", label: "Amount", className: WIDTH_10 },
            {
              key: "endDate",
              label: "Last day it funds (optional)",
              hint: "As YYYY-MM-DD, for example 2019-03-31",
              className: WIDTH_10,
            },
          ]}
          errorFor={error}
          onChange={(g, row) => setRow("grants", g, row)}
          onRemove={(g) => removeRow("grants", g)}
        />
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
        <RowList
          rows={form.drawdowns}
          prefix="drawdown"
          legend={(d) => `Reserve drawdown ${String(d + 1)}`}
          removeText={(_, d) => `Remove reserve drawdown ${String(d + 1)}`}
          fields={[
            { key: "reserve", label: "Reserve" },
            { key: "year", label: "Financial year", options: yearOptions },
            { key: "amount", label: "Amount", className: WIDTH_10 },
          ]}
          errorFor={error}
          onChange={(d, row) => setRow("drawdowns", d, row)}
          onRemove={(d) => removeRow("drawdowns", d)}
        />
        <RowList
          rows={form.carryForwards}
          prefix="carry"
          legend={(c) => `Carry-forward ${String(c + 1)}`}
          removeText={(_, c) => `Remove carry-forward ${String(c + 1)}`}
          fields={[
            { key: "from", label: "From the surplus of", options: yearOptions },
            { key: "to", label: "Into", options: yearOptions },
            {
              key: "amount",
              label: "Amount",
              hint: "It is checked against that year's surplus when you save",
              className: WIDTH_10,
            },
          ]}
          errorFor={error}
          onChange={(c, row) => setRow("carryForwards", c, row)}
          onRemove={(c) => removeRow("carryForwards", c)}
        />
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
        <RowList
          rows={form.workstreams}
          prefix="workstream"
          legend={(w) => `Workstream ${String(w + 1)}`}
          removeText={(workstream, w) => `Remove ${workstreamName(workstream, w)}`}
          fields={WORKSTREAM_FIELDS}
          errorFor={error}
          onChange={(w, row) => setRow("workstreams", w, row)}
          onRemove={(w) => removeRow("workstreams", w)}
        >
          {(workstream, w) => {
            const what = workstreamName(workstream, w);
            return (
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
            );
          }}
        </RowList>
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
