import type { EvidenceSummary, PackInclude, Readiness } from "@dapkit/contract";

/** Everything the pack's index and CSV show. */
export interface PackContents {
  organisationName: string;
  generatedAt: Date;
  framework: { name: string; areas: readonly { id: string; name: string }[] };
  readiness: Readiness;
  /** Which evidence the pack was asked to hold. */
  include: PackInclude;
  /** The items in the pack, ordered by title. */
  items: readonly EvidenceSummary[];
  /** The ids of the items in the pack that are not approved; each is marked so everywhere. */
  notApproved: ReadonlySet<string>;
  /** Where each item's newest file sits in the pack, by item id. */
  filePaths: ReadonlyMap<string, string>;
}
