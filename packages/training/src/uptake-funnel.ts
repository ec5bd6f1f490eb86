import { NominationStateSchema, type NominationState, describeValue } from "@dapkit/schemas";

import { isNominationState } from "./nomination-states";
import { TrainingRuleError } from "./training-rule-error";
import { requireKind } from "./require-kind";

/**
 * The least a record needs for the funnel: its current state. Any other fields may be grouped by.
 *
 * @example
 * const record: FunnelRecord & { department: string } = { state: "booked", department: "Housing" };
 */
export interface FunnelRecord {
  readonly state: NominationState;
}

/**
 * A value a funnel can be grouped by: text, a number, true/false, or missing.
 *
 * @example
 * const key: GroupKeyValue = "Housing";
 */
export type GroupKeyValue = string | number | boolean | null | undefined;

/**
 * The keys of a record type whose values can be grouped by (so `groupBy` only accepts these).
 *
 * @example
 * type Keys = GroupableKey<{ state: NominationState; department: string; tags: string[] }>;
 * // "state" | "department"
 */
export type GroupableKey<R> = {
  [K in keyof R]-?: R[K] extends GroupKeyValue ? K : never;
}[keyof R] &
  string;

/**
 * Counts from nomination to attendance, by each record's current state.
 *
 * @example
 * const funnel: UptakeFunnel = uptakeFunnel([{ state: "fully_attended" }]);
 * funnel.attendanceRate; // 1
 */
export interface UptakeFunnel {
  /** Every record: each was nominated once. */
  nominated: number;
  /** Records that reached a place: booked or any attendance outcome. */
  booked: number;
  /** fullyAttended + partiallyAttended. */
  attended: number;
  fullyAttended: number;
  partiallyAttended: number;
  noShow: number;
  unableToAttend: number;
  cancelled: number;
  declined: number;
  waitlisted: number;
  /** attended ÷ nominated as a fraction from 0 to 1; 0 when nothing was nominated. */
  attendanceRate: number;
}

/**
 * The funnel for one group of records, with the key they share.
 *
 * @example
 * const group: UptakeGroup<string> = { key: "Housing", ...uptakeFunnel([]) };
 */
export type UptakeGroup<K> = { key: K } & UptakeFunnel;

/**
 * The overall funnel plus one funnel per group, sorted by key.
 *
 * @example
 * const grouped: GroupedUptakeFunnel<string> = uptakeFunnel(records, { groupBy: "department" });
 */
export type GroupedUptakeFunnel<K> = UptakeFunnel & { groups: UptakeGroup<K>[] };

type StateCounts = Record<NominationState, number>;

function emptyCounts(): StateCounts {
  return Object.fromEntries(
    NominationStateSchema.options.map((state) => [state, 0]),
  ) as StateCounts;
}

function funnelOf(counts: StateCounts, nominated: number): UptakeFunnel {
  const attended = counts.fully_attended + counts.partially_attended;
  return {
    nominated,
    booked: counts.booked + attended + counts.unable_to_attend + counts.no_show,
    attended,
    fullyAttended: counts.fully_attended,
    partiallyAttended: counts.partially_attended,
    noShow: counts.no_show,
    unableToAttend: counts.unable_to_attend,
    cancelled: counts.cancelled,
    declined: counts.declined,
    waitlisted: counts.waitlisted,
    attendanceRate: nominated === 0 ? 0 : attended / nominated,
  };
}

const TYPE_ORDER = ["number", "string", "boolean", "null", "undefined"] as const;

function typeRank(key: GroupKeyValue): number {
  // The only object a group key can be is null.
  return (TYPE_ORDER as readonly string[]).indexOf(typeof key === "object" ? "null" : typeof key);
}

// Numbers numerically, then text in code-unit order (not localeCompare, whose order depends on the
// machine's locale data), then false before true, then null, then missing keys.
function compareKeys(a: GroupKeyValue, b: GroupKeyValue): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0) return byType;
  if (typeof a === "number" && typeof b === "number") return a - b;
  // Keys come from a Map, so two are never equal: ties cannot arise.
  return String(a) < String(b) ? -1 : 1;
}

function groupKeyOf(record: FunnelRecord, field: string, index: number): GroupKeyValue {
  const key: unknown = (record as unknown as Record<string, unknown>)[field];
  const ok =
    key == null ||
    typeof key === "string" ||
    typeof key === "boolean" ||
    (typeof key === "number" && Number.isFinite(key));
  if (!ok) {
    throw new TrainingRuleError(
      "invalid_input",
      `records[${String(index)}].${field} must be text, a finite number, true/false or empty to group by (got ${typeof key === "number" ? String(key) : typeof key})`,
    );
  }
  return key;
}

/**
 * Counts records from nomination to attendance; with `groupBy` it also gives one funnel per
 * distinct value of that key, sorted by key (numbers, then text in code-unit order, then
 * false/true, then null, then missing).
 *
 * Every record counts as nominated; `booked` counts those that reached a place (booked or any
 * attendance outcome); `attended` = fully + partially attended. Counts go by each record's current
 * state, so a booking later cancelled counts as cancelled, not booked. Throws `TrainingRuleError`
 * (`invalid_input`) for a record whose state or group key is not usable, naming the record.
 *
 * @example
 * const funnel = uptakeFunnel(
 *   [
 *     { state: "fully_attended", department: "Housing" },
 *     { state: "no_show", department: "Housing" },
 *     { state: "declined", department: "Revenues" },
 *   ],
 *   { groupBy: "department" },
 * );
 * funnel.booked; // 2
 * funnel.groups.map((group) => [group.key, group.attended]); // [["Housing", 1], ["Revenues", 0]]
 */
export function uptakeFunnel<R extends FunnelRecord>(
  records: readonly R[],
  options?: { readonly groupBy?: undefined },
): UptakeFunnel;
export function uptakeFunnel<R extends FunnelRecord, K extends GroupableKey<R>>(
  records: readonly R[],
  options: { readonly groupBy: K },
): GroupedUptakeFunnel<R[K]>;
export function uptakeFunnel(
  records: readonly FunnelRecord[],
  options: { readonly groupBy?: string } = {},
): UptakeFunnel | GroupedUptakeFunnel<GroupKeyValue> {
  requireKind(records, "records", "list");
  if (options !== undefined) requireKind(options, "options", "object");
  const { groupBy } = options;
  // groupBy names a field; anything else (an object, say) would fail later with a TypeError.
  if (groupBy !== undefined && typeof groupBy !== "string") {
    throw new TrainingRuleError(
      "invalid_input",
      `options.groupBy must be the name of a field (got ${describeValue(groupBy)})`,
    );
  }
  const overall = emptyCounts();
  const groups = new Map<GroupKeyValue, { counts: StateCounts; nominated: number }>();

  records.forEach((record, index) => {
    requireKind(record, `records[${String(index)}]`, "object");
    if (!isNominationState(record.state)) {
      throw new TrainingRuleError(
        "invalid_input",
        `records[${String(index)}].state ${describeValue(record.state)} is not a nomination state (${NominationStateSchema.options.join(", ")})`,
      );
    }
    overall[record.state] += 1;
    if (groupBy === undefined) return;
    const key = groupKeyOf(record, groupBy, index);
    const group = groups.get(key) ?? { counts: emptyCounts(), nominated: 0 };
    group.counts[record.state] += 1;
    group.nominated += 1;
    groups.set(key, group);
  });

  const funnel = funnelOf(overall, records.length);
  if (groupBy === undefined) return funnel;
  return {
    ...funnel,
    groups: [...groups.entries()]
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, group]) => ({ key, ...funnelOf(group.counts, group.nominated) })),
  };
}

/**
 * How many nominations are in one state, such as a row of a `GROUP BY state` count.
 *
 * @example
 * const row: StateCount = { state: "booked", count: 12 };
 */
export interface StateCount {
  readonly state: NominationState;
  readonly count: number;
}

/**
 * The funnel {@link uptakeFunnel} gives for a set of records, from how many are in each state:
 * for a database that counts rather than lists. A state may appear more than once (its counts
 * add up). Throws `TrainingRuleError` (`invalid_input`) for a state that is not a nomination
 * state or a count that is not a whole number 0 or more, naming the entry.
 *
 * @example
 * const funnel = funnelFromCounts([
 *   { state: "fully_attended", count: 3 },
 *   { state: "no_show", count: 1 },
 * ]);
 * funnel.booked; // 4
 * funnel.attendanceRate; // 0.75
 */
export function funnelFromCounts(counts: Iterable<StateCount>): UptakeFunnel {
  if (
    counts == null ||
    typeof (counts as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
  ) {
    throw new TrainingRuleError(
      "invalid_input",
      `counts must be a list of { state, count } (got ${describeValue(counts)})`,
    );
  }
  const totals = emptyCounts();
  let nominated = 0;
  let index = 0;
  for (const entry of counts) {
    const at = `counts[${String(index)}]`;
    requireKind(entry, at, "object");
    if (!isNominationState(entry.state)) {
      throw new TrainingRuleError(
        "invalid_input",
        `${at}.state ${describeValue(entry.state)} is not a nomination state (${NominationStateSchema.options.join(", ")})`,
      );
    }
    if (!Number.isSafeInteger(entry.count) || entry.count < 0) {
      throw new TrainingRuleError(
        "invalid_input",
        `${at}.count must be a whole number, 0 or more (got ${describeValue(entry.count)})`,
      );
    }
    totals[entry.state] += entry.count;
    nominated += entry.count;
    index += 1;
  }
  return funnelOf(totals, nominated);
}
