import { parseMoney } from "@dapkit/funding";
import type { FundingPlanInput } from "@dapkit/schemas";

import type { VarianceTable } from "@dapkit/schemas";

// Lancashire County Council, "Strategy for the Joint Commission of Specialist Domestic Abuse
// Services in Lancashire", report to the Cabinet Member for Adult and Community Services,
// 12 November 2013. Figures are written as the report prints them so they can be checked against
// it; @dapkit/funding's plan-funding test uses the same plan.
const pounds = (printed: string): number => parseMoney(printed);

const CRIME_AND_DISORDER_RESERVE = "Crime and Disorder reserve";
const BUDGET = pounds("£1,502,449");

/** The name the demo organisation's plan is stored under. */
export const LANCASHIRE_PLAN_NAME = "Lancashire joint commission 2013–16";

/**
 * The three-year joint commission (2013/14 to 2015/16) as a funding plan.
 *
 * Year 1's cost is its forecast spend (£1,047,003) against the partners' £1,502,548 allocation; its
 * £0.455m underspend is carried to 2015/16. Years 2 and 3 each cost £1,502,449, split 5/17/68/10
 * across the workstreams, and draw £0.321m and £0.409m from the £0.730m Crime and Disorder reserve.
 *
 * The report's Appendix B (each partner's cash contribution) is not in the published text, so the
 * partners are modelled as one, "Statutory partners (Appendix B)", contributing in Years 2 and 3
 * exactly what leaves no gap once the reserve and the carried underspend are counted (the report
 * says these two decisions secure the funding): £1,502,449 − £321,000 = £1,181,449 in 2014/15 and
 * £1,502,449 − £409,000 − £455,000 = £638,449 in 2015/16.
 */
export const lancashirePlan = {
  name: "Lancashire Joint Commission of Specialist Domestic Abuse Services",
  financialYears: ["2013/14", "2014/15", "2015/16"],
  partners: [{ key: "statutory", name: "Statutory partners (Appendix B)" }],
  workstreams: [
    { key: "workforce", name: "Workforce and Co-ordination", percent: 5 },
    { key: "early-support", name: "Early Support", percent: 17 },
    { key: "medium-high-risk", name: "Medium and High Risk Support", percent: 68 },
    { key: "perpetrators", name: "Perpetrators", percent: 10 },
  ],
  costs: [
    { financialYear: "2013/14", amountPence: pounds("£1,047,003") },
    { financialYear: "2014/15", amountPence: BUDGET },
    { financialYear: "2015/16", amountPence: BUDGET },
  ],
  contributions: [
    { partner: "statutory", financialYear: "2013/14", amountPence: pounds("£1,502,548") },
    { partner: "statutory", financialYear: "2014/15", amountPence: pounds("£1,181,449") },
    { partner: "statutory", financialYear: "2015/16", amountPence: pounds("£638,449") },
  ],
  reserveDrawdowns: [
    {
      reserve: CRIME_AND_DISORDER_RESERVE,
      financialYear: "2014/15",
      amountPence: pounds("£0.321m"),
    },
    {
      reserve: CRIME_AND_DISORDER_RESERVE,
      financialYear: "2015/16",
      amountPence: pounds("£0.409m"),
    },
  ],
  carryForwards: [
    {
      from: "2013/14",
      to: "2015/16",
      amountPence: pounds("£0.455m"),
      note: "Year 1 underspend carried to Year 3 (outline approval)",
    },
  ],
} satisfies FundingPlanInput;

/**
 * The report's Year 1 table exactly as published, errors included: three of its four row
 * variances and two of its totals do not agree with allocation − forecast, which is what the
 * variance check exists to catch.
 */
export const lancashireYear1Table = {
  title: "Year 1 (2013/14) allocation, forecast and variance",
  // Work theme area, Year 1 allocation (£), Year 1 forecast (£), variance (£).
  rows: (
    [
      ["Work force and coordination", "75,127", "37,563", "30,217"],
      ["Early Support", "255,433", "187,288", "68,145"],
      ["Medium & High Risk Support", "1,021,733", "809,630", "212,035"],
      ["Perpetrators", "150,255", "12,521", "137,724"],
    ] as const
  ).map(([key, allocation, forecast, variance]) => ({
    key,
    allocationPence: pounds(allocation),
    forecastPence: pounds(forecast),
    reportedVariancePence: pounds(variance),
  })),
  reportedTotals: {
    allocationPence: pounds("1,502,548"),
    forecastPence: pounds("1,047,003"),
    variancePence: pounds("455,447"),
  },
} satisfies VarianceTable;

/** The variance tables stored with the Lancashire plan. */
export const lancashireVarianceTables: VarianceTable[] = [lancashireYear1Table];
