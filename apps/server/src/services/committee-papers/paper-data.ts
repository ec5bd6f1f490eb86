import type { Rag } from "@dapkit/daha";
import type { FinancialYearLabel, RagRating, RecommendationStatus } from "@dapkit/schemas";

import type { AgencyAttendanceReport } from "../board-report/attendance-by-agency";

/**
 * The live figures a committee paper reports, read when the paper is shown or downloaded (see
 * `loadPaperData`); the paper's builder takes them as plain data, so it is pure and testable.
 */
export interface PaperData {
  /** Today in London: the date the figures are as of. */
  asOf: string;
  areas: { areaName: string; rag: Rag; approved: number }[];
  overdueActions: number;
  uptake: { nominated: number; attended: number; attendanceRate: number };
  /** Partnership training by agency in the financial year to date, as the board report counts it. */
  partnership: AgencyAttendanceReport & { financialYear: string };
  recommendations: {
    reference: string;
    title: string;
    owner: string;
    status: RecommendationStatus;
    rag: RagRating | null;
    targetDate: string | null;
    latestUpdate: { date: string; note: string } | null;
  }[];
  /** The chosen funding plan's figures, or null when the paper names none. */
  funding: {
    name: string;
    years: {
      financialYear: FinancialYearLabel;
      costPence: number;
      /** Underspend moved to a later year of the plan. */
      carriedForwardPence: number;
      incomePence: number;
      /** cost + carried forward − income: positive is a shortfall, negative a surplus. */
      gapPence: number;
    }[];
  } | null;
}
