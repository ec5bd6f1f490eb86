import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import {
  PROGRAMME_COST_CATEGORIES,
  PROGRAMME_COST_CATEGORY_LABELS,
  contract,
  type ProgrammeCostOutput,
} from "@dapkit/contract";
import { formatMoney, parseMoney } from "@dapkit/funding";

import { NotFoundContent } from "../../../components/error-pages";
import { QueryState } from "../../../components/query-state";
import { QuestionForm } from "../../../components/question-form";
import { Radios } from "../../../components/radios";
import { BackLink } from "../../../components/small-parts";
import { TextInput } from "../../../components/text-input";
import { useNavigateWithFlash } from "../../../lib/flash";
import { usePageTitle } from "../../../lib/page-title";
import { useForm } from "../../../lib/use-form";
import { trpc } from "../../../trpc";
import { costsPath, programmeCostsChanged, useProgrammeYear, yearLabel } from "./programme-year";

const LABELS = { category: "Category", description: "Description", amountPence: "Amount" };

function amountOf(text: string): number | null {
  try {
    return parseMoney(text);
  } catch {
    return null;
  }
}

function CostForm({ year, line }: { year: number; line: ProgrammeCostOutput | undefined }) {
  const flash = useNavigateWithFlash();
  const form = useForm(
    {
      category: line?.category ?? null,
      description: line?.description ?? "",
      amountPence: line === undefined ? "" : formatMoney(line.amountPence),
    },
    LABELS,
  );
  const adding = line === undefined;
  const heading = adding ? `Add a cost to ${yearLabel(year)}` : `Change ${line.description}`;
  usePageTitle(heading, { error: form.invalid });
  const done = async (saved: ProgrammeCostOutput) => {
    await programmeCostsChanged();
    flash(
      costsPath(saved.financialYearStart),
      `${saved.description} ${adding ? "added" : "saved"}`,
    );
  };
  const add = useMutation(
    trpc.programmeCosts.add.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.programmeCosts.update.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit() {
    const { category, description } = form.values;
    const amountPence = amountOf(form.values.amountPence);
    const problems = [
      category == null ? { field: "category", message: "Select what the cost is for" } : null,
      amountPence == null
        ? { field: "amountPence", message: "Amount must be an amount of money, like £1,250.00" }
        : null,
    ];
    const data = {
      // A category not chosen is reported above and nothing is sent.
      category: category ?? "other",
      description,
      amountPence: amountPence ?? 0,
    };
    if (line === undefined) {
      const input = { financialYearStart: year, ...data };
      if (form.validate(contract.programmeCosts.add.input, input, problems)) add.mutate(input);
    } else {
      const input = { id: line.id, data };
      if (form.validate(contract.programmeCosts.update.input, input, problems))
        update.mutate(input);
    }
  }

  return (
    <QuestionForm
      heading={heading}
      caption="Programme costs"
      errors={form.errors}
      onSubmit={submit}
      submitText="Save cost"
      busy={add.isPending || update.isPending}
    >
      <Radios
        legend="What is the cost for?"
        choices={PROGRAMME_COST_CATEGORIES.map((category) => ({
          value: category,
          text: PROGRAMME_COST_CATEGORY_LABELS[category],
        }))}
        {...form.choice("category")}
      />
      <TextInput
        label="Description"
        hint="For example, Specialist trainer, 12 half days"
        {...form.text("description")}
      />
      <TextInput
        label="Amount"
        hint="In pounds and pence, for example £1,250.00"
        className="govuk-input--width-10"
        {...form.text("amountPence")}
      />
    </QuestionForm>
  );
}

/** Adds a cost line to a year (`?year=2026`), or changes one (`/partnership/costs/:costId/edit`). */
export function ProgrammeCostFormPage() {
  const { costId } = useParams();
  // A line is changed from its own year's page, whose link names the year.
  const year = useProgrammeYear();
  const query = useQuery({
    ...trpc.programmeCosts.get.queryOptions({ financialYearStart: year }),
    enabled: costId !== undefined,
  });
  return (
    <>
      <BackLink to={costsPath(year)}>Back to programme costs</BackLink>
      {costId === undefined ? (
        <CostForm year={year} line={undefined} />
      ) : (
        <QueryState query={query} what="programme cost">
          {(programme) => {
            const line = programme.lines.find((item) => item.id === costId);
            return line === undefined ? <NotFoundContent /> : <CostForm year={year} line={line} />;
          }}
        </QueryState>
      )}
    </>
  );
}
