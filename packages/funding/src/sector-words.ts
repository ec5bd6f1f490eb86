import type { Sector } from "@dapkit/schemas";

/**
 * Each Walby service sector in words, in the order of the sectors.
 *
 * @example
 * SECTOR_LABELS.civil_legal; // "Civil and legal"
 */
export const SECTOR_LABELS: Readonly<Record<Sector, string>> = Object.freeze({
  health: "Health",
  criminal_justice: "Criminal justice",
  social_care: "Social care",
  housing: "Housing",
  civil_legal: "Civil and legal",
  other: "Other",
});
