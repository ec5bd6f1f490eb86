import type { EvidenceSummary, Readiness } from "@dapkit/contract";

/** Everything the pack's index and CSV show. */
export interface PackContents {
  organisationName: string;
  generatedAt: Date;
  framework: { name: string; areas: readonly { id: string; name: string }[] };
  readiness: Readiness;
  /** Every item, ordered by title. */
  items: readonly EvidenceSummary[];
  /** Where each item's newest file sits in the pack, by item id. */
  filePaths: ReadonlyMap<string, string>;
}
