import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  IDVA_CASES_PER_FTE,
  MARAC_CASES_PER_10000_ADULT_WOMEN,
  MARAC_CASES_PER_ADMIN_FTE,
  REFUGE_FAMILY_SPACES_PER_10000_PEOPLE,
  costPerVictim,
  maracDemand,
  ratePer,
  refugeSpaces,
} from "./demand";
import type { Pence } from "@dapkit/schemas";
import { FundingInputError } from "./errors";
import { parseMoney, pence, pounds } from "./money";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

describe("sourced constants", () => {
  test("carry their value, unit and source, and cannot be changed", () => {
    expect(MARAC_CASES_PER_10000_ADULT_WOMEN.value).toBe(40);
    expect(IDVA_CASES_PER_FTE.value).toBe(100);
    expect(MARAC_CASES_PER_ADMIN_FTE.value).toBe(400);
    expect(REFUGE_FAMILY_SPACES_PER_10000_PEOPLE.value).toBe(1);
    for (const constant of [
      MARAC_CASES_PER_10000_ADULT_WOMEN,
      IDVA_CASES_PER_FTE,
      MARAC_CASES_PER_ADMIN_FTE,
      REFUGE_FAMILY_SPACES_PER_10000_PEOPLE,
    ]) {
      expect(constant.source).not.toBe("");
      expect(constant.unit).not.toBe("");
      expect(constant.url).toMatch(/^https:\/\//);
      expect(Object.isFrozen(constant)).toBe(true);
    }
    expect(MARAC_CASES_PER_10000_ADULT_WOMEN.source).toContain("SafeLives");
    expect(REFUGE_FAMILY_SPACES_PER_10000_PEOPLE.unit).toContain("not bed spaces");
  });
});

describe("ratePer", () => {
  test("gives a rate per 1,000 by default, or per any base", () => {
    expect(ratePer(29_645, 1_852_800)).toBeCloseTo(16, 2);
    expect(ratePer(600, 150_000, 10_000)).toBe(40);
    expect(ratePer(0, 10)).toBe(0);
  });

  test("refuses negative or non-finite counts and populations of zero", () => {
    expect(failure(() => ratePer(-1, 100)).message).toBe("count must not be negative, got -1");
    expect(failure(() => ratePer(1, 0)).message).toBe("population must be greater than 0, got 0");
    expect(failure(() => ratePer(1, Infinity)).message).toBe(
      "population must be a finite number, got Infinity",
    );
    const per = failure(() => ratePer(1, 100, 0));
    expect(per.code).toBe("invalid_argument");
    expect(per.field).toBe("per");
  });
});

describe("costPerVictim", () => {
  test("Essex: £86m across 44,000 victims is £1,954.55 each, rounded half away from zero", () => {
    expect(costPerVictim(parseMoney("£86m"), 44_000)).toBe(195_455);
    expect(costPerVictim(pounds(86_000_000), 44_000)).toBe(195_455);
    expect(costPerVictim(pence(5), 2)).toBe(3);
    expect(costPerVictim(pence(7), 2)).toBe(4);
    expect(costPerVictim(pence(4), 3)).toBe(1);
    expect(costPerVictim(pence(0), 3)).toBe(0);
    expect(costPerVictim(pence(Number.MAX_SAFE_INTEGER), 2)).toBe(4_503_599_627_370_496);
    // @ts-expect-error a plain number may be pounds: the cost must be made Pence first
    expect(costPerVictim(86_000_000, 44_000)).toBe(1_955);
  });

  test("refuses negative costs and victims that are not a whole number above zero", () => {
    expect(failure(() => costPerVictim(-1 as Pence, 2)).message).toBe(
      "costPence must not be negative, got -1",
    );
    for (const victims of [0, -3, 1.5, Number.NaN]) {
      const error = failure(() => costPerVictim(pence(100), victims));
      expect(error.code).toBe("invalid_argument");
      expect(error.message).toBe(
        `victims must be a whole number greater than 0, got ${String(victims)}`,
      );
    }
  });
});

describe("maracDemand", () => {
  test("150,000 adult women: 600 MARAC cases, 6 IDVA FTE and 1.5 MARAC admin FTE", () => {
    expect(maracDemand(150_000)).toEqual({ expectedCases: 600, idvaFte: 6, maracAdminFte: 1.5 });
  });

  test("each ratio can be overridden", () => {
    expect(maracDemand(150_000, { casesPerIdvaFte: 80 }).idvaFte).toBe(7.5);
    expect(maracDemand(150_000, { casesPer10000AdultWomen: 47 }).expectedCases).toBe(705);
    expect(maracDemand(150_000, { casesPerAdminFte: 300 }).maracAdminFte).toBe(2);
    expect(maracDemand(150_000, { casesPer10000AdultWomen: 0 }).idvaFte).toBe(0);
  });

  test("property: the FTE figures follow from the cases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_000 }), (women) => {
        const demand = maracDemand(women);
        expect(demand.expectedCases).toBeCloseTo((women * 40) / 10_000, 9);
        expect(demand.idvaFte * 100).toBeCloseTo(demand.expectedCases, 9);
        expect(demand.maracAdminFte * 4).toBeCloseTo(demand.idvaFte, 9);
      }),
    );
  });

  test("refuses populations of zero or below and ratios that make no sense", () => {
    expect(failure(() => maracDemand(0)).message).toBe(
      "adultFemalePopulation must be greater than 0, got 0",
    );
    expect(failure(() => maracDemand(-5)).message).toBe(
      "adultFemalePopulation must be greater than 0, got -5",
    );
    expect(failure(() => maracDemand(Number.NaN)).message).toBe(
      "adultFemalePopulation must be a finite number, got NaN",
    );
    expect(failure(() => maracDemand(1, { casesPer10000AdultWomen: -1 })).field).toBe(
      "casesPer10000AdultWomen",
    );
    expect(failure(() => maracDemand(1, { casesPerIdvaFte: 0 })).message).toBe(
      "casesPerIdvaFte must be greater than 0, got 0",
    );
    expect(failure(() => maracDemand(1, { casesPerAdminFte: Infinity })).field).toBe(
      "casesPerAdminFte",
    );
  });
});

describe("refugeSpaces", () => {
  test("one family space per 10,000 people, unless overridden", () => {
    expect(refugeSpaces(1_200_000)).toBe(120);
    expect(refugeSpaces(55_800_000)).toBe(5_580);
    expect(refugeSpaces(1_234)).toBeCloseTo(0.1234, 10);
    expect(refugeSpaces(1_200_000, { spacesPer10000People: 1.5 })).toBe(180);
  });

  test("refuses populations of zero or below and negative overrides", () => {
    expect(failure(() => refugeSpaces(0)).message).toBe("population must be greater than 0, got 0");
    expect(failure(() => refugeSpaces(100, { spacesPer10000People: -1 })).message).toBe(
      "spacesPer10000People must not be negative, got -1",
    );
  });
});
