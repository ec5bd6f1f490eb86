import { humanise } from "../lib/format";

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

// Each status keeps its words: colour only reinforces them (WCAG 1.4.1).
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
  // Staff
  active: "green",
  inactive: "grey",
};

const WORDS: Record<string, string> = {
  red: "Not ready",
  amber: "Partly ready",
  green: "Ready",
  in_review: "In review",
  no_show: "No show",
};

/** The words a status is shown with. */
export function statusText(status: string): string {
  return WORDS[status] ?? humanise(status);
}

/** A GOV.UK tag for a status: words first, colour as a second cue. */
export function StatusTag({ status, text }: { status: string; text?: string }) {
  const colour = COLOURS[status] ?? "grey";
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{text ?? statusText(status)}</strong>;
}
