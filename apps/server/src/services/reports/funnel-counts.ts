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

/** The same funnel `uptakeFunnel` gives for the records, from how many are in each state. */
export function funnelFromCounts(counts: Iterable<StateCount>): UptakeFunnel {
  const total = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<CountField, number>;
  for (const { state, count } of counts) {
    const one = ONE_OF_EACH.get(state);
    if (one === undefined) continue;
    for (const field of FIELDS) total[field] += one[field] * count;
  }
  return {
    ...total,
    attendanceRate: total.nominated === 0 ? 0 : total.attended / total.nominated,
  };
}
