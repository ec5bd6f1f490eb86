import type { Rag } from "@dapkit/daha";
import type { EvidenceKind, EvidenceStatus } from "@dapkit/schemas";

/** Each evidence kind as a person reads it. */
export const KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  policy: "Policy",
  procedure: "Procedure",
  case_audit: "Case audit",
  risk_assessment: "Risk assessment",
  training_record: "Training record",
  champions_list: "Champions list",
  staff_survey: "Staff survey",
  partnership_agreement: "Partnership agreement",
  survivor_feedback: "Survivor feedback",
  equality_impact_assessment: "Equality impact assessment",
  publicity: "Publicity",
  other: "Other",
};

/** Each evidence status as a person reads it. */
export const STATUS_LABELS: Readonly<Record<EvidenceStatus, string>> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
};

/** Each rating in words, so the status never depends on seeing the colour. */
export const RAG_LABELS: Readonly<Record<Rag, string>> = {
  red: "Red: not ready",
  amber: "Amber: action needed",
  green: "Green: ready",
};

const UK_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** An ISO calendar date as the GOV.UK style writes it: "1 April 2016"; empty for none. */
export function formatUiDate(isoDate: string | null): string {
  return isoDate == null ? "" : UK_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
