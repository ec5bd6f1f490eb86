import { RAG_LABELS } from "@dapkit/daha";
import { formatMoney } from "@dapkit/funding";
import {
  formatCount,
  formatUkDate,
  plural,
  RAG_RATING_LABELS,
  RAG_RATINGS,
  RECOMMENDATION_STATUS_LABELS,
  RECOMMENDATION_STATUSES,
} from "@dapkit/schemas";
import { formatRate } from "@dapkit/training";

import type { CommitteePaperSectionKey } from "@dapkit/contract";
import type { AgencyAttendance } from "../board-report/attendance-by-agency";
import type { PaperData } from "./paper-data";

/** A paragraph the app writes from live data, before it is numbered. */
export interface FigureParagraph {
  text: string;
  items: string[];
}

/** What the figures of a section are built from: the live data and the officer's choices. */
export interface SectionContext {
  data: PaperData;
  includeAppendix: boolean;
}

// "3 are completed, 2 in progress and 1 not started": the list people write, with "and".
function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}

function lower(label: string): string {
  return label.toLowerCase();
}

function accreditation({ data }: SectionContext): FigureParagraph[] {
  const ratings = (["green", "amber", "red"] as const)
    .map((rag) => ({ rag, count: data.areas.filter((area) => area.rag === rag).length }))
    .filter(({ count }) => count > 0)
    .map(({ rag, count }) => `${formatCount(count)} ${lower(RAG_RATING_LABELS[rag])}`);
  const overdue =
    data.overdueActions === 0
      ? "No action in the accreditation action plan is overdue."
      : `${plural(data.overdueActions, "action")} in the accreditation action plan ${data.overdueActions === 1 ? "is" : "are"} overdue.`;
  return [
    {
      text: `Accreditation asks for a whole council approach to domestic abuse in ${plural(data.areas.length, "priority area")}. On ${formatUkDate(data.asOf)} the areas were rated ${listInWords(ratings)}:`,
      items: data.areas.map(
        (area) =>
          `${area.areaName}: ${RAG_LABELS[area.rag]} (${plural(area.approved, "approved evidence item")})`,
      ),
    },
    { text: overdue, items: [] },
  ];
}

function training({ data }: SectionContext): FigureParagraph[] {
  const { nominated, attended, attendanceRate } = data.uptake;
  if (nominated === 0) {
    return [
      {
        text: "No members of staff have yet been nominated for domestic abuse training.",
        items: [],
      },
    ];
  }
  return [
    {
      text: `Domestic abuse training sessions were attended by ${plural(attended, "member", "members")} of staff, although ${formatCount(nominated)} ${nominated === 1 ? "was" : "were"} nominated by their managers: an attendance rate of ${formatRate(attendanceRate)}.`,
      items: [],
    },
  ];
}

function recommendations({ data, includeAppendix }: SectionContext): FigureParagraph[] {
  const all = data.recommendations;
  if (all.length === 0) return [{ text: "No recommendations are being tracked.", items: [] }];
  const byStatus = RECOMMENDATION_STATUSES.map((status) => ({
    status,
    count: all.filter((item) => item.status === status).length,
  }))
    .filter(({ count }) => count > 0)
    .map(
      ({ status, count }) => `${formatCount(count)} ${lower(RECOMMENDATION_STATUS_LABELS[status])}`,
    );
  const rated = RAG_RATINGS.map((rag) => ({
    rag,
    count: all.filter((item) => item.rag === rag).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ rag, count }) => `${formatCount(count)} ${lower(RAG_RATING_LABELS[rag])}`);
  const paragraphs = [
    {
      text: `Of the ${plural(all.length, "recommendation")}, ${listInWords(byStatus)}.${rated.length === 0 ? "" : ` Rated for progress: ${listInWords(rated)}.`}`,
      items: [],
    },
  ];
  if (includeAppendix) {
    paragraphs.push({
      text: "Appendix 1 sets out each recommendation with its status and latest update.",
      items: [],
    });
  }
  return paragraphs;
}

function financial({ data }: SectionContext): FigureParagraph[] {
  const { funding } = data;
  if (funding == null || funding.years.length === 0) return [];
  const first = funding.years[0]?.financialYear ?? "";
  const last = funding.years.at(-1)?.financialYear ?? "";
  const span = first === last ? first : `${first} to ${last}`;
  return [
    {
      text: `The ${funding.name} funding plan covers ${span}. Its costs, funding and any shortfall by financial year are:`,
      items: funding.years.map((year) => {
        const gap =
          year.gapPence > 0
            ? `a shortfall of ${formatMoney(year.gapPence)}`
            : year.gapPence < 0
              ? `a surplus of ${formatMoney(-year.gapPence)}`
              : "no shortfall";
        const carried =
          year.carriedForwardPence > 0
            ? ` and ${formatMoney(year.carriedForwardPence)} carried forward`
            : "";
        return `${year.financialYear}: costs of ${formatMoney(year.costPence)}${carried} against funding of ${formatMoney(year.incomePence)}, ${gap}`;
      }),
    },
  ];
}

function partnershipTraining({ data }: SectionContext): FigureParagraph[] {
  const { financialYear, rows, totals } = data.partnership;
  if (totals.bookings === 0 && totals.attended === 0) {
    return [
      { text: `No partnership training places were booked for ${financialYear}.`, items: [] },
    ];
  }
  const rate = (row: AgencyAttendance) =>
    row.attendanceRate == null ? "" : ` (${formatRate(row.attendanceRate)} of bookings)`;
  const charged =
    totals.chargesPence === 0
      ? "No charges were raised."
      : `Charges of ${formatMoney(totals.chargesPence, { style: "exact" })} were raised for late cancellations, non-attendance and non-member places.`;
  return [
    {
      text: `For sessions in ${financialYear} so far, partner agencies booked ${plural(totals.bookings, "place")} and ${plural(totals.attended, "person", "people")} attended${rate(totals)}, with ${plural(totals.cancelled, "cancellation")} (${formatCount(totals.lateCancellations)} late), ${plural(totals.noShows, "no-show")}, ${plural(totals.substitutes, "substitute")} and ${plural(totals.unscheduled, "unscheduled attendee")}. ${charged} By agency:`,
      items: rows.map(
        (row) =>
          `${row.agency}: ${plural(row.bookings, "booking")}, ${formatCount(row.attended)} attended${rate(row)}, ${plural(row.noShows, "no-show")}, charges ${formatMoney(row.chargesPence, { style: "exact" })}`,
      ),
    },
  ];
}

const NONE = (): FigureParagraph[] => [];

/**
 * How each section's figures are written from live data, by section key. A section with no
 * figures holds only the officer's narrative. Adding a kind of section is one entry here and one
 * in the contract's COMMITTEE_PAPER_SECTIONS (the types insist on both).
 */
export const SECTION_FIGURES: Readonly<
  Record<CommitteePaperSectionKey, (context: SectionContext) => FigureParagraph[]>
> = {
  introduction: NONE,
  accreditation,
  training,
  partnershipTraining,
  recommendations,
  financial,
  legal: NONE,
  conclusion: NONE,
};
