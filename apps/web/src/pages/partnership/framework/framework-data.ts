import { AGENCY_KIND_LABELS, REQUIREMENT_SCOPE_LABELS } from "@dapkit/contract";

import { queryClient, trpc, type Outputs } from "../../../trpc";

/** The training framework as the API gives it. */
export type Framework = Outputs["trainingFramework"]["get"];
/** One requirement rule. */
export type LevelRule = Framework["rules"][number];

/** Who a rule covers, in words: "Police: job titles containing officer". */
export function ruleCovers(rule: LevelRule): string {
  const agencies =
    rule.scope === "agency"
      ? (rule.agencyName ?? "An archived agency")
      : rule.scope === "agency_kind" && rule.agencyKind != null
        ? AGENCY_KIND_LABELS[rule.agencyKind]
        : REQUIREMENT_SCOPE_LABELS.all;
  const titles =
    rule.jobTitleContains === ""
      ? "every job title"
      : `job titles containing “${rule.jobTitleContains}”`;
  return `${agencies}: ${titles}`;
}

/** A level as people read it: "Level 2: Practitioner". */
export function levelName(framework: Framework, level: number): string {
  const found = framework.levels.find((row) => row.level === level);
  return found === undefined ? `Level ${String(level)}` : `Level ${String(level)}: ${found.name}`;
}

/** Refreshes every view of the framework (and compliance) after a change. */
export async function frameworkChanged(): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: trpc.trainingFramework.pathKey() });
}
