import { humanise } from "../../lib/format";

// The kinds of evidence in plain words, in the order the form lists them.
const KIND_TEXT: Record<string, string> = {
  policy: "Policy",
  procedure: "Procedure",
  case_audit: "Case audit",
  risk_assessment: "Risk assessment",
  training_record: "Training record",
  champions_list: "DA champions list",
  staff_survey: "Staff survey",
  partnership_agreement: "Partnership agreement",
  survivor_feedback: "Survivor feedback",
  equality_impact_assessment: "Equality impact assessment",
  publicity: "Publicity",
  other: "Other",
};

/** Every kind of evidence, for the form's choices. */
export const EVIDENCE_KIND_CHOICES = Object.entries(KIND_TEXT).map(([value, text]) => ({
  value,
  text,
}));

/** A kind of evidence in words. */
export function kindText(kind: string): string {
  return KIND_TEXT[kind] ?? humanise(kind);
}
