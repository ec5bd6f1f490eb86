import { expect, test } from "vitest";
import * as funding from "./index";

test("the public API is exactly these runtime exports", () => {
  expect(Object.keys(funding).sort()).toEqual([
    "COMPARED_LINE_LABELS",
    "ENGLAND_SECTOR_COSTS",
    "FundingInputError",
    "GREEN_BOOK_STPR",
    "GREEN_BOOK_STPR_SCHEDULE",
    "IDVA_CASES_PER_FTE",
    "MARAC_CASES_PER_10000_ADULT_WOMEN",
    "MARAC_CASES_PER_ADMIN_FTE",
    "REFUGE_FAMILY_SPACES_PER_10000_PEOPLE",
    "SECTOR_LABELS",
    "TABLE_DIAGNOSIS_LABELS",
    "allocateByPercent",
    "allocateByWeight",
    "applyOptimismBias",
    "benefitCostRatio",
    "checkCouncilTable",
    "compareFundingPlans",
    "costPerVictim",
    "coverage",
    "discountFactor",
    "fairShares",
    "financialQuarter",
    "financialYearOf",
    "formatFinancialYear",
    "formatMoney",
    "impliedPopulation",
    "maracDemand",
    "npv",
    "parseFinancialYear",
    "parseMoney",
    "partnerShares",
    "pence",
    "planFunding",
    "positionInRange",
    "pounds",
    "presentValue",
    "ratePer",
    "readCouncilTable",
    "readTableMoney",
    "reconcileVariance",
    "refugeSpaces",
    "splitAtDisplayUnit",
  ]);
});

test("the README example gives Lancashire's published Year 2 figures", () => {
  const { allocateByPercent, formatMoney, parseMoney } = funding;
  const budget = parseMoney("£1,502,449");
  const split = allocateByPercent(budget, [
    { key: "Workforce and Co-ordination", percent: 5 },
    { key: "Early Support", percent: 17 },
    { key: "Medium and High Risk Support", percent: 68 },
    { key: "Perpetrators", percent: 10 },
  ]);
  expect(split.map(({ key, amountPence }) => `${key}: ${formatMoney(amountPence)}`)).toEqual([
    "Workforce and Co-ordination: £75,122",
    "Early Support: £255,416",
    "Medium and High Risk Support: £1,021,665",
    "Perpetrators: £150,245",
  ]);
});

test("the README's error example reads the code, the field and the message", () => {
  try {
    funding.allocateByPercent(100, [{ key: "a", percent: 60 }]);
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(funding.FundingInputError);
    if (error instanceof funding.FundingInputError) {
      expect([error.code, error.field]).toEqual(["invalid_allocation", "shares"]);
    }
  }
});
