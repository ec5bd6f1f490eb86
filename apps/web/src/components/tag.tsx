import { EVIDENCE_STATUS_LABELS, RAG_LABELS } from "@dapkit/daha";
import { RECOMMENDATION_STATUS_LABELS } from "@dapkit/schemas";
import { NOMINATION_STATE_LABELS, REFRESHER_STATUS_LABELS } from "@dapkit/training";

/** The GOV.UK tag colours. */
export type TagColour =
  | "grey"
  | "green"
  | "turquoise"
  | "blue"
  | "light-blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

// Each status keeps its words: colour only reinforces them (WCAG 1.4.1). Colour is the web's
// alone; the words are the packages', the same the exports and the evidence pack use.
const COLOURS: Record<string, TagColour> = {
  // Nominations
  nominated: "grey",
  approved: "light-blue",
  declined: "orange",
  waitlisted: "yellow",
  booked: "blue",
  cancelled: "grey",
  fully_attended: "green",
  partially_attended: "turquoise",
  unable_to_attend: "orange",
  no_show: "red",
  // Evidence
  draft: "grey",
  in_review: "blue",
  rejected: "red",
  expired: "orange",
  // Recommendations
  not_started: "grey",
  in_progress: "blue",
  on_hold: "yellow",
  completed: "green",
  not_agreed: "orange",
  // Readiness
  red: "red",
  amber: "orange",
  green: "green",
  // Refreshers
  overdue: "red",
  due_soon: "orange",
  current: "green",
  // Staff
  active: "green",
  inactive: "grey",
};

// Every status the tag shows, in the words of the package that owns it. The codes do not clash:
// "approved" is a nomination state and an evidence status, and both packages call it "Approved".
const WORDS: Readonly<Record<string, string>> = {
  ...NOMINATION_STATE_LABELS,
  ...EVIDENCE_STATUS_LABELS,
  ...RECOMMENDATION_STATUS_LABELS,
  ...RAG_LABELS,
  ...REFRESHER_STATUS_LABELS,
  // A member of staff's record, which no package describes.
  active: "Active",
  inactive: "Inactive",
};

/** The words a status is shown with (the code itself for one no package knows). */
export function statusText(status: string): string {
  return WORDS[status] ?? status;
}

/** A GOV.UK tag for a status: words first, colour as a second cue. */
export function StatusTag({ status, text }: { status: string; text?: string }) {
  const colour = COLOURS[status] ?? "grey";
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{text ?? statusText(status)}</strong>;
}
