import { eq } from "drizzle-orm";

import { londonToday } from "@dapkit/schemas";

import { organisations } from "../../db/schema";
import { found } from "../../errors";
import type { Scope } from "../scope";
import { activeFramework } from "./active-framework";
import { assessEvidenceReadiness } from "./assess-evidence-readiness";
import type { EvidenceSummary, PackInclude, Readiness } from "@dapkit/contract";
import { listEvidenceOn } from "./list-evidence";
import { approvedByAuthor, separationOfDutiesRequired } from "./separation-of-duties";

/** What an evidence pack is made from, as it stands now. */
export interface EvidencePackData {
  organisationName: string;
  framework: { id: string; name: string; areas: readonly { id: string; name: string }[] };
  readiness: Readiness;
  /** Which evidence the pack was asked to hold. */
  include: PackInclude;
  /** The items in the pack, ordered by title. */
  items: EvidenceSummary[];
  /** The ids of the items in the pack that are not approved (only when `include` is `all`). */
  notApproved: ReadonlySet<string>;
}

/**
 * Reads the organisation's name, readiness today and its evidence for an evidence pack: by
 * default only the items that count (approved, in date, and approved by someone other than their
 * author while the organisation requires it); with `include: "all"`, every item, the others
 * listed in `notApproved`.
 */
export function loadEvidencePack(
  scope: Scope,
  options: { include: PackInclude } = { include: "approved" },
): EvidencePackData {
  const { db, user } = scope;
  const organisation = found(
    db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, user.organisationId))
      .get(),
    "Organisation",
  );
  const framework = activeFramework(user.organisationId);
  const everything = listEvidenceOn(db, {
    organisationId: user.organisationId,
    frameworkId: framework.id,
    today: londonToday(scope.now),
  });
  const byAuthor = separationOfDutiesRequired(scope)
    ? approvedByAuthor(db, user.organisationId)
    : new Set<string>();
  const counts = (item: EvidenceSummary) => item.status === "approved" && !byAuthor.has(item.id);
  return {
    organisationName: organisation.name,
    framework,
    readiness: assessEvidenceReadiness(scope, {}),
    include: options.include,
    items: options.include === "all" ? everything : everything.filter(counts),
    notApproved: new Set(
      options.include === "all" ? everything.filter((item) => !counts(item)).map((i) => i.id) : [],
    ),
  };
}
