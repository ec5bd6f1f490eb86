import { formatUkDate, RAG_RATING_LABELS, RECOMMENDATION_STATUS_LABELS } from "@dapkit/schemas";

import {
  COMMITTEE_PAPER_SECTIONS,
  type BuiltPaper,
  type CommitteePaperDraft,
  type PaperParagraph,
} from "@dapkit/contract";
import type { PaperData } from "./paper-data";
import { SECTION_FIGURES } from "./paper-sections";

/** The appendix's columns, as the council's recommendations update prints them. */
export const APPENDIX_COLUMNS = [
  "No.",
  "Recommendation",
  "Owner",
  "Target date",
  "Status",
  "RAG",
  "Latest update",
] as const;

function appendix(data: PaperData): NonNullable<BuiltPaper["appendix"]> {
  return {
    heading: "Appendix 1: Recommendations update",
    columns: [...APPENDIX_COLUMNS],
    rows: data.recommendations.map((item) => [
      item.reference,
      item.title,
      item.owner,
      item.targetDate == null ? "" : formatUkDate(item.targetDate),
      RECOMMENDATION_STATUS_LABELS[item.status],
      item.rag == null ? "" : RAG_RATING_LABELS[item.rag],
      item.latestUpdate == null
        ? ""
        : `${formatUkDate(item.latestUpdate.date)}: ${item.latestUpdate.note}`,
    ]),
  };
}

/**
 * The paper as it prints: the front matter, the recommendations to the committee, the chosen
 * sections in the standard order with their paragraphs numbered through the paper (each
 * section's figures, written from `data`, then the officer's narrative) and the appendix of
 * recommendations. Pure: the same draft and data always give the same paper.
 */
export function buildPaper(draft: CommitteePaperDraft, data: PaperData): BuiltPaper {
  const chosen = new Map(draft.sections.map((section) => [section.key, section.narrative]));
  let number = 0;
  const paragraph = (source: PaperParagraph["source"], text: string, items: string[] = []) => {
    number += 1;
    return { number, source, text, items };
  };
  const context = { data, includeAppendix: draft.includeAppendix };
  // The standard order, whatever order the draft lists its sections in.
  const sections = Object.entries(COMMITTEE_PAPER_SECTIONS).flatMap(([key, section]) => {
    const narrative = chosen.get(key as keyof typeof COMMITTEE_PAPER_SECTIONS);
    if (narrative === undefined) return [];
    const figures = SECTION_FIGURES[key as keyof typeof COMMITTEE_PAPER_SECTIONS](context);
    return [
      {
        key,
        heading: section.heading,
        paragraphs: [
          ...figures.map((figure) => paragraph("figures", figure.text, figure.items)),
          ...narrative.map((text) => paragraph("narrative", text)),
        ],
      },
    ];
  });
  return {
    frontMatter: [
      { label: "To", value: draft.committee },
      { label: "Date", value: formatUkDate(draft.meetingDate) },
      { label: "Report of", value: draft.reportOf },
      { label: "Title of Report", value: draft.title },
      { label: "Purpose of report", value: draft.purpose },
      { label: "Key decision", value: draft.keyDecision ? "Yes" : "No" },
    ],
    recommendations: [...draft.recommendations],
    sections,
    appendix: draft.includeAppendix ? appendix(data) : null,
  };
}
