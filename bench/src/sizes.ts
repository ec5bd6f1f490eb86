/** An organisation size the benchmarks build and measure. */
export interface SizeSpec {
  name: "small" | "medium" | "large";
  staff: number;
  nominations: number;
  departments: number;
  /** Evidence items in the measured organisation (readiness is assessed over them). */
  evidence: number;
}

/** The three sizes of the issue: a district, a large county, a national hosted service. */
export const SIZES: readonly SizeSpec[] = [
  { name: "small", staff: 1_000, nominations: 10_000, departments: 6, evidence: 200 },
  { name: "medium", staff: 10_000, nominations: 100_000, departments: 12, evidence: 2_000 },
  { name: "large", staff: 100_000, nominations: 1_000_000, departments: 24, evidence: 20_000 },
];

/** Items in the evidence pack organisation, each with a file: the same at every size. */
export const PACK_ITEMS = 1_000;

/** Rows in the import benchmark's files, capped at the size's own nominations. */
export function importRows(size: SizeSpec): number {
  return Math.min(100_000, size.nominations);
}
