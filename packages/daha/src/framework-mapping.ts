import { describeValue } from "@dapkit/schemas";

import { DahaRuleError } from "./daha-rule-error";
import { defaultFramework, getFramework, legacyFramework } from "./frameworks";
import { requireObject } from "./require-input";

/**
 * One link between a legacy area and the default area it became, with the basis for the link.
 *
 * @example
 * const link: AreaLink = { legacyAreaId: "training", defaultAreaId: "staff-development", basis: "renamed" };
 */
export interface AreaLink {
  readonly legacyAreaId: string;
  readonly defaultAreaId: string;
  /** `same name`, `renamed` or `merged`; every link except the same-name one is an inference. */
  readonly basis: "same name" | "renamed" | "merged";
}

/**
 * How the legacy (website) areas map onto the default (2022) areas, per shared/reference/daha.md §1.4.
 *
 * @example
 * frameworkMapping.links.find((link) => link.legacyAreaId === "training")?.defaultAreaId;
 * // "staff-development"
 */
export const frameworkMapping: {
  readonly legacyFrameworkId: string;
  readonly defaultFrameworkId: string;
  readonly links: readonly AreaLink[];
} = Object.freeze({
  legacyFrameworkId: legacyFramework.id,
  defaultFrameworkId: defaultFramework.id,
  // Victim-Survivor Led Support has no legacy area: it appears to take the slot freed when Case
  // Management and Risk Management merged into Safety Led Case Management.
  links: Object.freeze(
    (
      [
        ["policies-and-procedures", "policies-and-procedures", "same name"],
        ["case-management", "safety-led-case-management", "merged"],
        ["risk-management", "safety-led-case-management", "merged"],
        ["inclusivity-and-accessibility", "intersectionality-and-anti-racist-practice", "renamed"],
        ["perpetrator-management", "perpetrator-accountability", "renamed"],
        ["partnership-working", "partnerships", "renamed"],
        ["training", "staff-development", "renamed"],
        ["publicity-and-awareness", "publicity-and-awareness-raising", "renamed"],
      ] as const
    ).map(([legacyAreaId, defaultAreaId, basis]) =>
      Object.freeze({ legacyAreaId, defaultAreaId, basis }),
    ),
  ),
});

/**
 * Translates an area id from one built-in framework to another, returning every matching area
 * (none, one or two, because two legacy areas merged); throws `DahaRuleError` for an unknown
 * framework or an area that is not in `from`.
 *
 * @example
 * mapAreaId("risk-management", { from: "daha-legacy", to: "daha-2022" }); // ["safety-led-case-management"]
 * mapAreaId("safety-led-case-management", { from: "daha-2022", to: "daha-legacy" });
 * // ["case-management", "risk-management"]
 * mapAreaId("victim-survivor-led-support", { from: "daha-2022", to: "daha-legacy" }); // []
 */
export function mapAreaId(areaId: string, options: { from: string; to: string }): string[] {
  requireObject(options, "options");
  const from = getFramework(options.from);
  const to = getFramework(options.to);
  if (!from.areas.some((area) => area.id === areaId)) {
    throw new DahaRuleError(
      "unknown_area",
      `Area ${describeValue(areaId)} is not in framework ${from.id} (its areas are ${from.areas.map((area) => area.id).join(", ")})`,
    );
  }
  if (from.id === to.id) return [areaId];
  // There are exactly two built-in frameworks, so two different ones are this mapping read
  // either forwards (legacy to default) or backwards.
  const forwards = from.id === frameworkMapping.legacyFrameworkId;
  return frameworkMapping.links
    .filter((link) => (forwards ? link.legacyAreaId : link.defaultAreaId) === areaId)
    .map((link) => (forwards ? link.defaultAreaId : link.legacyAreaId));
}
