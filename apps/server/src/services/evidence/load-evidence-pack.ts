import { eq } from "drizzle-orm";

import { londonToday } from "@dapkit/schemas";

import { organisations } from "../../db/schema";
import { found } from "../../errors";
import type { Scope } from "../scope";
import { activeFramework } from "./active-framework";
import { assessEvidenceReadiness } from "./assess-evidence-readiness";
import type { EvidenceSummary, Readiness } from "@dapkit/contract";
import { listEvidenceOn } from "./list-evidence";

/** What an evidence pack is made from, as it stands now. */
export interface EvidencePackData {
  organisationName: string;
  framework: { id: string; name: string; areas: readonly { id: string; name: string }[] };
  readiness: Readiness;
  items: EvidenceSummary[];
}

/** Reads the organisation's name, readiness today and every evidence item for an evidence pack. */
export function loadEvidencePack(scope: Scope): EvidencePackData {
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
  const items = listEvidenceOn(db, {
    organisationId: user.organisationId,
    frameworkId: framework.id,
    today: londonToday(scope.now),
  });
  return {
    organisationName: organisation.name,
    framework,
    readiness: assessEvidenceReadiness(scope, {}),
    items,
  };
}
