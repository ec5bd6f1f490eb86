import { describeValue } from "@dapkit/schemas";

import type { Framework, PriorityArea } from "@dapkit/schemas";

import { DahaRuleError } from "./daha-rule-error";

/**
 * A built-in DAHA framework: a `Framework` (as `@dapkit/schemas` validates it) that cannot be
 * changed, plus where its area names come from.
 *
 * @example
 * const framework: DahaFramework = defaultFramework;
 * console.log(framework.source);
 */
export type DahaFramework = Readonly<Omit<Framework, "areas">> & {
  readonly areas: readonly Readonly<PriorityArea>[];
  /** Where the area names were read; DAHA's own standards document was not available. */
  readonly source: string;
};

// Built-in data is shared by every caller, so it is frozen: one caller cannot rename an area
// for everyone else.
function freezeFramework(framework: DahaFramework): DahaFramework {
  framework.areas.forEach((area) => Object.freeze(area));
  Object.freeze(framework.areas);
  return Object.freeze(framework);
}

// Descriptions paraphrase the evidence councils and providers report (shared/reference/daha.md
// §2). DAHA's numbered requirements are not public, so none are stated here as if they were.
const POLICIES_AND_PROCEDURES =
  "Domestic abuse policies and procedures, such as a resident (tenant) domestic abuse policy, staff guidance and an employee policy.";

/**
 * The current DAHA framework: the eight priority-area names in the council report (Oxford City
 * Council, April 2022), used by providers from about 2022.
 *
 * @example
 * defaultFramework.areas.map((area) => area.name)[1]; // "Staff Development"
 */
export const defaultFramework: DahaFramework = freezeFramework({
  id: "daha-2022",
  version: "2022",
  name: "DAHA accreditation priority areas (2022 names)",
  source:
    "Oxford City Council scrutiny report, 5 April 2022; four names corroborated by provider news from about 2022 (DAHA has published no date for the revision).",
  areas: [
    {
      id: "policies-and-procedures",
      name: "Policies & Procedures",
      description: POLICIES_AND_PROCEDURES,
    },
    {
      id: "staff-development",
      name: "Staff Development",
      description:
        "Domestic abuse training and development for staff, such as training for frontline or the whole workforce, a domestic abuse champions network and staff surveys.",
    },
    {
      id: "partnerships",
      name: "Partnerships",
      description:
        "Working with partner agencies, such as clear referral pathways, safe information sharing and protocols with by-and-for services.",
    },
    {
      id: "safety-led-case-management",
      name: "Safety Led Case Management",
      description:
        "Handling cases with safety first, such as case-file audits, DASH risk assessments and housing plans adapted for domestic abuse.",
    },
    {
      id: "victim-survivor-led-support",
      name: "Victim-Survivor Led Support",
      description:
        "Support shaped by victim-survivors, such as seeking their feedback and involving them in designing, delivering and evaluating services.",
    },
    {
      id: "intersectionality-and-anti-racist-practice",
      name: "Intersectionality & Anti-racist Practice",
      description:
        "Intersectional and anti-racist approaches, such as guidance on the extra barriers faced by people with protected characteristics and equality impact assessments.",
    },
    {
      id: "perpetrator-accountability",
      name: "Perpetrator Accountability",
      description:
        "Holding perpetrators to account, such as policy on action against the person causing harm and enforcement that reduces future risk.",
    },
    {
      id: "publicity-and-awareness-raising",
      name: "Publicity and Awareness Raising",
      description:
        "Raising awareness, such as awareness events and campaigns and publishing information on national and local support services.",
    },
  ],
});

/**
 * The earlier DAHA framework: the eight priority-area names on DAHA's own website, kept so that
 * evidence filed under the old names can be carried forward.
 *
 * @example
 * legacyFramework.areas.find((area) => area.id === "training")?.name; // "Training"
 */
export const legacyFramework: DahaFramework = freezeFramework({
  id: "daha-legacy",
  version: "pre-2022",
  name: "DAHA accreditation priority areas (website names)",
  source:
    "DAHA website, 'What is accreditation?' (undated; cites the Ending VAWG Strategy 2016–2020).",
  areas: [
    {
      id: "policies-and-procedures",
      name: "Policies & Procedures",
      description: POLICIES_AND_PROCEDURES,
    },
    {
      id: "case-management",
      name: "Case Management",
      description:
        "How domestic abuse cases are handled and recorded, such as case files and case audits.",
    },
    {
      id: "risk-management",
      name: "Risk Management",
      description: "Assessing and managing risk to the survivor, such as DASH risk assessments.",
    },
    {
      id: "inclusivity-and-accessibility",
      name: "Inclusivity & Accessibility",
      description:
        "Making the response inclusive and accessible, including to people with protected characteristics.",
    },
    {
      id: "perpetrator-management",
      name: "Perpetrator Management",
      description:
        "Managing the behaviour of the person causing harm and holding them accountable.",
    },
    {
      id: "partnership-working",
      name: "Partnership Working",
      description:
        "Working with partner agencies, such as referral pathways and information sharing.",
    },
    {
      id: "training",
      name: "Training",
      description: "Domestic abuse training for staff.",
    },
    {
      id: "publicity-and-awareness",
      name: "Publicity & Awareness",
      description: "Publicising support and raising awareness of domestic abuse.",
    },
  ],
});

/**
 * Every built-in framework, newest first.
 *
 * @example
 * frameworks.map((framework) => framework.id); // ["daha-2022", "daha-legacy"]
 */
export const frameworks: readonly DahaFramework[] = Object.freeze([
  defaultFramework,
  legacyFramework,
]);

/**
 * Finds a built-in framework by its id; throws `DahaRuleError` (`unknown_framework`) for any other id.
 *
 * @example
 * getFramework("daha-legacy").areas.length; // 8
 */
export function getFramework(id: string): DahaFramework {
  const framework = frameworks.find((candidate) => candidate.id === id);
  if (framework === undefined) {
    throw new DahaRuleError(
      "unknown_framework",
      `Unknown framework ${describeValue(id)}: expected one of ${frameworks.map((known) => known.id).join(", ")}`,
    );
  }
  return framework;
}
