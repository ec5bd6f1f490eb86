import { describeValue, type Pence } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { divideRoundingHalfAwayFromZero } from "./exact-arithmetic";
import { requireNumber, requireOptions, requirePence } from "./input-checks";

/**
 * A default ratio with its unit and published source, so every figure the package uses can be cited.
 *
 * @example
 * const ratio: SourcedConstant = { value: 40, unit: "MARAC cases a year per 10,000 adult women", source: "SafeLives" };
 */
export interface SourcedConstant {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly url?: string;
}

const SAFELIVES_MARAC_DATA = {
  source: "SafeLives, 'Reviewing your Marac data' (Marac resources for professionals)",
  url: "https://safelives.org.uk/resources-for-professionals/marac-resources/reviewing-your-marac-data/",
} as const;

/**
 * SafeLives' expected MARAC volume: 40 cases a year per 10,000 adult (16+) women in the area.
 *
 * @example
 * MARAC_CASES_PER_10000_ADULT_WOMEN.value; // 40
 */
export const MARAC_CASES_PER_10000_ADULT_WOMEN: SourcedConstant = Object.freeze({
  value: 40,
  unit: "MARAC cases a year (repeats included) per 10,000 adult (16+) women",
  ...SAFELIVES_MARAC_DATA,
});

/**
 * SafeLives' IDVA capacity: about 100 referrals a year per full-time IDVA.
 *
 * @example
 * IDVA_CASES_PER_FTE.value; // 100
 */
export const IDVA_CASES_PER_FTE: SourcedConstant = Object.freeze({
  value: 100,
  unit: "high-risk cases (referrals) a year per full-time IDVA",
  ...SAFELIVES_MARAC_DATA,
});

/**
 * SafeLives' MARAC administration capacity: one full-time administrator per 400 cases a year.
 *
 * @example
 * MARAC_CASES_PER_ADMIN_FTE.value; // 400
 */
export const MARAC_CASES_PER_ADMIN_FTE: SourcedConstant = Object.freeze({
  value: 400,
  unit: "MARAC cases a year per full-time MARAC administrator",
  ...SAFELIVES_MARAC_DATA,
});

/**
 * The refuge benchmark: one family space (a woman and her children) per 10,000 people in the population.
 *
 * @example
 * REFUGE_FAMILY_SPACES_PER_10000_PEOPLE.value; // 1
 */
export const REFUGE_FAMILY_SPACES_PER_10000_PEOPLE: SourcedConstant = Object.freeze({
  value: 1,
  unit: "refuge family spaces (a woman and her children; not bed spaces) per 10,000 people",
  source:
    "Council of Europe, Explanatory Report to the Istanbul Convention (via the EIGE thesaurus); the same ratio as the UK Select Committee on Violence in Marriage (1975)",
  url: "https://eige.europa.eu/publications-resources/thesaurus/terms/1180",
});

/**
 * Overrides for {@link maracDemand}; each replaces the matching SafeLives default.
 *
 * @example
 * const overrides: MaracDemandOverrides = { casesPerIdvaFte: 80 };
 */
export interface MaracDemandOverrides {
  readonly casesPer10000AdultWomen?: number;
  readonly casesPerIdvaFte?: number;
  readonly casesPerAdminFte?: number;
}

/**
 * Expected MARAC cases and the IDVA and MARAC administrator time they need.
 *
 * @example
 * const demand: MaracDemand = { expectedCases: 600, idvaFte: 6, maracAdminFte: 1.5 };
 */
export interface MaracDemand {
  readonly expectedCases: number;
  readonly idvaFte: number;
  readonly maracAdminFte: number;
}

/**
 * Overrides for {@link refugeSpaces}.
 *
 * @example
 * const overrides: RefugeSpacesOverrides = { spacesPer10000People: 1.5 };
 */
export interface RefugeSpacesOverrides {
  readonly spacesPer10000People?: number;
}

/**
 * Gives a count as a rate per so many of a population, e.g. incidents per 1,000 residents.
 *
 * @example
 * ratePer(29645, 1852800); // about 16 per 1,000
 * ratePer(600, 150000, 10000); // 40 per 10,000
 */
export function ratePer(count: number, population: number, per = 1000): number {
  const n = requireNumber(count, "count", { bound: "non-negative" });
  const people = requireNumber(population, "population", { bound: "positive" });
  const base = requireNumber(per, "per", { bound: "positive" });
  return (n / people) * base;
}

/**
 * Divides a cost among victims and gives the cost per victim in whole pence, rounded half away from zero.
 *
 * @example
 * costPerVictim(parseMoney("£86m"), 44000); // 195455 (Essex: £86m ÷ 44,000 = £1,954.55)
 * costPerVictim(pounds(86_000_000), 44000); // the same; a plain number of pounds does not compile
 */
export function costPerVictim(costPence: Pence, victims: number): Pence {
  const cost = requirePence(costPence, "costPence", { code: "invalid_argument" });
  if (typeof victims !== "number" || !Number.isSafeInteger(victims) || victims <= 0) {
    throw new FundingInputError(
      "invalid_argument",
      `victims must be a whole number greater than 0, got ${describeValue(victims)}`,
      { field: "victims" },
    );
  }
  // Exact integer division, so a cost in the billions still rounds on the true half-penny.
  return Number(divideRoundingHalfAwayFromZero(BigInt(cost), BigInt(victims))) as Pence;
}

/**
 * Estimates the MARAC caseload of an area from its adult female population, and the IDVA and admin FTE needed.
 *
 * Uses SafeLives' 40 cases per 10,000 adult women, 100 cases per IDVA and 400 cases per MARAC administrator,
 * each overridable. Results are not rounded; round them for display.
 *
 * @example
 * maracDemand(150000); // { expectedCases: 600, idvaFte: 6, maracAdminFte: 1.5 }
 * maracDemand(150000, { casesPerIdvaFte: 80 }).idvaFte; // 7.5
 */
export function maracDemand(
  adultFemalePopulation: number,
  overrides: MaracDemandOverrides = {},
): MaracDemand {
  requireOptions(overrides, "overrides");
  const population = requireNumber(adultFemalePopulation, "adultFemalePopulation", {
    bound: "positive",
  });
  const rate = requireNumber(
    overrides.casesPer10000AdultWomen ?? MARAC_CASES_PER_10000_ADULT_WOMEN.value,
    "casesPer10000AdultWomen",
    { bound: "non-negative" },
  );
  const perIdva = requireNumber(
    overrides.casesPerIdvaFte ?? IDVA_CASES_PER_FTE.value,
    "casesPerIdvaFte",
    { bound: "positive" },
  );
  const perAdmin = requireNumber(
    overrides.casesPerAdminFte ?? MARAC_CASES_PER_ADMIN_FTE.value,
    "casesPerAdminFte",
    { bound: "positive" },
  );
  const expectedCases = (population * rate) / 10_000;
  return {
    expectedCases,
    idvaFte: expectedCases / perIdva,
    maracAdminFte: expectedCases / perAdmin,
  };
}

/**
 * Gives the refuge family spaces an area's population calls for (1 per 10,000 people by default), unrounded.
 *
 * @example
 * refugeSpaces(1200000); // 120
 */
export function refugeSpaces(population: number, overrides: RefugeSpacesOverrides = {}): number {
  requireOptions(overrides, "overrides");
  const people = requireNumber(population, "population", { bound: "positive" });
  const rate = requireNumber(
    overrides.spacesPer10000People ?? REFUGE_FAMILY_SPACES_PER_10000_PEOPLE.value,
    "spacesPer10000People",
    { bound: "non-negative" },
  );
  return (people * rate) / 10_000;
}
