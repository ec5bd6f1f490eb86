import { NOMINATION_STATES, type NominationState } from "@dapkit/schemas";
import { uptakeFunnel, type UptakeFunnel } from "@dapkit/training";

type CountField = Exclude<keyof UptakeFunnel, "attendanceRate">;

// Every figure of the funnel but the rate is a sum over records, so n records in one state count
// n times what one does. Counting in SQL and scaling the funnel of one record per state keeps
// @dapkit/training the one place that says which states count as booked or attended.
const ONE_OF_EACH = new Map(NOMINATION_STATES.map((state) => [state, uptakeFunnel([{ state }])]));
const FIELDS = Object.keys(uptakeFunnel([])).filter(
  (field): field is CountField => field !== "attendanceRate",
);

/** How many nominations are in one state (a row of a GROUP BY state count). */
export interface StateCount {
  state: NominationState;
  count: number;
}

// Each state's funnel as numbers in FIELDS order, so adding up thousands of groups is arithmetic.
const VECTORS = new Map(
  [...ONE_OF_EACH].map(([state, funnel]) => [state, FIELDS.map((field) => funnel[field])]),
);

/** The same funnel `uptakeFunnel` gives for the records, from how many are in each state. */
export function funnelFromCounts(counts: Iterable<StateCount>): UptakeFunnel {
  const totals = FIELDS.map(() => 0);
  for (const { state, count } of counts) {
    const vector = VECTORS.get(state);
    if (vector === undefined) continue;
    for (let i = 0; i < totals.length; i += 1)
      totals[i] = (totals[i] ?? 0) + (vector[i] ?? 0) * count;
  }
  const funnel = Object.fromEntries(FIELDS.map((field, i) => [field, totals[i] ?? 0])) as Record<
    CountField,
    number
  >;
  return {
    ...funnel,
    attendanceRate: funnel.nominated === 0 ? 0 : funnel.attended / funnel.nominated,
  };
}
