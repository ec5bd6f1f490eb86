import { useSearchParams } from "react-router";

import { financialYearOf } from "@dapkit/funding";

import { queryClient, trpc, type Outputs } from "../../../trpc";

/** A financial year's programme as the API gives it. */
export type ProgrammeYear = Outputs["programmeCosts"]["get"];

/** The financial year a costs page is about: `?year=2026` for 2026/27, else the current one. */
export function useProgrammeYear(): number {
  const [params] = useSearchParams();
  const asked = Number(params.get("year"));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100
    ? asked
    : financialYearOf(new Date()).startYear;
}

/** The label of the financial year starting in April of `start` (`2026/27`). */
export function yearLabel(start: number): string {
  return financialYearOf(`${String(start)}-04-01`).label;
}

/** The costs page of a financial year. */
export function costsPath(start: number): string {
  return `/partnership/costs?year=${String(start)}`;
}

/** Refreshes every view of the programme costs after a change. */
export async function programmeCostsChanged(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: trpc.programmeCosts.pathKey() });
}
