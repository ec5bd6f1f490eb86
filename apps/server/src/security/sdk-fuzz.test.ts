import fc from "fast-check";
import { describe, expect, test } from "vitest";

import * as daha from "@dapkit/daha";
import * as funding from "@dapkit/funding";
import * as training from "@dapkit/training";

import { lancashirePlan } from "../seed/lancashire-plan";
import { adversarialValue, mutated } from "./adversarial";

// Every function the domain packages export, called with random and adversarial arguments (or
// valid arguments with one part spoiled): each returns, or throws its package's one named error
// with a message. A TypeError or RangeError would reach a council's code, or the server, as a crash.

interface PackageUnderTest {
  name: string;
  exports: Record<string, unknown>;
  error: new (...args: never[]) => Error;
  /** Valid arguments for each exported function, the starting point for spoiled ones. */
  samples: Record<string, unknown[]>;
}

const councilTable = [
  { line: 1, cells: ["Area", "%", "Allocation", "Forecast", "Variance"] },
  { line: 2, cells: ["Perpetrators", "100%", "150,255", "12,521", "137,724"] },
  { line: 3, cells: ["Totals", "100%", "150,255", "12,521", "137,734"] },
];

// A session the lifecycle functions are sampled with: open on 1 March 2027, starting 1 April.
const SESSION = {
  startsAt: "2027-04-01T08:30:00Z",
  capacity: 20,
  booked: 3,
  closedAt: null,
  cancelledAt: null,
};

const PACKAGES: PackageUnderTest[] = [
  {
    name: "@dapkit/funding",
    exports: funding,
    error: funding.FundingInputError,
    samples: {
      pence: [150_000],
      pounds: [1500],
      impliedPopulation: [40, 4],
      positionInRange: [14, { low: 10, high: 18 }],
      coverage: [50, 243],
      presentValue: [[{ year: 1, amountPence: 10_000 }]],
      benefitCostRatio: [
        { benefits: [{ year: 1, amountPence: 20_700 }], costs: [{ year: 0, amountPence: 10_000 }] },
      ],
      allocateByPercent: [
        10_000,
        [
          { key: "a", percent: 60 },
          { key: "b", percent: 40 },
        ],
      ],
      allocateByWeight: [
        10_000,
        [
          { key: "a", weight: 2 },
          { key: "b", weight: 1 },
        ],
      ],
      applyOptimismBias: [100_000, 20],
      discountFactor: [3],
      npv: [
        [
          { year: 0, amountPence: 1000 },
          { year: 1, amountPence: 1000 },
        ],
      ],
      costPerVictim: [1_000_000, 10],
      maracDemand: [120_000],
      ratePer: [5, 1000],
      refugeSpaces: [1_500_000],
      financialYearOf: ["2022-04-05"],
      formatFinancialYear: [{ startYear: 2014 }, { style: "dash" }],
      parseFinancialYear: ["2014/15"],
      financialQuarter: ["2026/27", 1],
      formatMoney: [150_244_900, { style: "millions" }],
      parseMoney: ["£1,502,449"],
      partnerShares: [
        {
          sectorCosts: [{ sector: "health", costPence: 100 }],
          sectorToPartner: { health: "nhs" },
          potPence: 5_000_000,
        },
      ],
      planFunding: [lancashirePlan],
      reconcileVariance: [
        [
          {
            key: "Perpetrators",
            allocationPence: 15_025_500,
            forecastPence: 1_252_100,
            reportedVariancePence: 13_772_400,
          },
        ],
        { reportedTotals: { forecastPence: 1_252_100 } },
      ],
      readTableMoney: ["(£1,234)"],
      fairShares: [[{ key: "pcc", sector: "criminal_justice" }], 33_500_000],
      readCouncilTable: [councilTable, { totalLabel: "Totals" }],
      checkCouncilTable: [funding.readCouncilTable(councilTable)],
      splitAtDisplayUnit: [[[150, 250]], { unitPence: 100 }],
      compareFundingPlans: [
        funding.planFunding(lancashirePlan),
        funding.planFunding(lancashirePlan),
      ],
    },
  },
  {
    name: "@dapkit/daha",
    exports: daha,
    error: daha.DahaRuleError,
    samples: {
      assessReadiness: [
        {
          framework: daha.defaultFramework,
          evidence: [
            {
              id: "e1",
              areaId: "policies-and-procedures",
              title: "Policy",
              status: "approved",
              reviewDate: "2025-04-01",
              expiryDate: "2028-03-31",
            },
          ],
          asOf: "2024-01-01",
        },
      ],
      evidenceStatusAsOf: [
        { id: "e1", status: "approved", expiryDate: "2025-03-31" },
        "2025-01-01",
      ],
      canTransitionEvidence: ["draft", "in_review"],
      assertEvidenceTransition: ["draft", "in_review"],
      evidenceLockReason: ["approved"],
      evidenceMoves: ["draft"],
      mapAreaId: ["risk-management", { from: "daha-legacy", to: "daha-2022" }],
      getFramework: ["daha-2022"],
      staffDevelopmentCheck: [{ attendanceRate: 56 / 90, target: 0.75 }],
      actionPlanChecks: [
        {
          actions: [
            { areaId: "partnerships", what: "Sign", dueDate: "2022-04-01", status: "in_progress" },
          ],
          asOf: "2022-04-05",
        },
      ],
      isActionOverdue: [
        { areaId: "partnerships", what: "Sign", dueDate: "2022-04-01", status: "in_progress" },
        "2022-04-05",
      ],
      suggestActions: [
        {
          area: {
            areaId: "partnerships",
            areaName: "Partnerships",
            rag: "red",
            reasons: ["No approved evidence"],
          },
          actions: [],
          asOf: "2022-04-05",
        },
      ],
    },
  },
  {
    name: "@dapkit/training",
    exports: training,
    error: training.TrainingRuleError,
    samples: {
      formatMean: [17, 5, { decimals: 1, signed: true }],
      formatRate: [0.622, { decimals: 1 }],
      attendanceRate: [304, 318],
      attendanceFigures: [
        [
          {
            state: "cancelled",
            held: true,
            unscheduled: false,
            substitute: false,
            replaced: false,
            lateCancellation: true,
          },
        ],
      ],
      ratePercent: [0.622, { decimals: 1 }],
      nominationActions: ["nominated"],
      funnelFromCounts: [
        [
          { state: "fully_attended", count: 3 },
          { state: "no_show", count: 1 },
        ],
      ],
      holdsPlace: ["booked"],
      isAttendanceOutcome: ["no_show"],
      canTransitionNomination: ["nominated", "approved"],
      assertNominationTransition: ["nominated", "approved"],
      refresherDue: [
        {
          completions: [{ staffId: "s1", completedOn: "2022-03-14" }],
          intervalMonths: 36,
          asOf: "2025-03-01",
        },
      ],
      requiredLevels: [
        { jobTitle: "Police officer", agencyId: "a1", agencyKind: "police" },
        [
          {
            scope: "agency_kind",
            agencyKind: "police",
            jobTitleContains: "officer",
            requiredLevel: 2,
          },
        ],
      ],
      uptakeFunnel: [[{ state: "booked", department: "Housing" }], { groupBy: "department" }],
      hasEnded: ["cancelled"],
      assertAttendanceUndo: ["no_show", "booked"],
      assertUnscheduledAttendance: ["nominated", "fully_attended"],
      agencyRefusal: [
        { openTo: "chosen_agencies", agencyIds: ["police"], nonMemberPricePence: null },
        { id: "police", name: "Thames Valley Police", member: true, archived: false },
      ],
      placesFreeFor: [
        {
          capacity: 20,
          booked: 12,
          reservations: [{ agencyId: "police", reserved: 5, booked: 1 }],
        },
        "police",
      ],
      sessionStatus: [SESSION, new Date("2027-03-01T00:00:00Z")],
      sessionAllows: ["open", "nominate"],
      sessionRefusal: [SESSION, "markAttendance", new Date("2027-03-01T00:00:00Z")],
      assertSessionAllows: [SESSION, "nominate", new Date("2027-03-01T00:00:00Z")],
      closingProblem: [3],
      parseBankHolidays: [
        {
          "england-and-wales": {
            division: "england-and-wales",
            events: [
              { title: "Boxing Day", date: "2026-12-28", notes: "Substitute day", bunting: true },
            ],
          },
        },
      ],
      workingDaysBetween: ["2026-04-02", "2026-04-07", ["2026-04-03", "2026-04-06"]],
      addWorkingDays: ["2026-12-29", -3, ["2026-12-25", "2026-12-28"]],
      chargeFor: [
        {
          enabled: true,
          noticeWorkingDays: 3,
          halfDayMaxMinutes: 240,
          lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
          noShow: { halfDayPence: 5000, fullDayPence: 9000 },
          chargeMemberAgencies: true,
        },
        {
          kind: "cancelled",
          sessionDate: "2026-04-07",
          sessionMinutes: 390,
          cancelledOn: "2026-04-02",
          member: true,
          substituted: false,
        },
        ["2026-04-03", "2026-04-06"],
      ],
    },
  },
];

function functionsOf(pkg: PackageUnderTest): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(pkg.exports).flatMap(([name, value]) =>
    typeof value === "function" && value !== pkg.error
      ? [[name, value as (...args: unknown[]) => unknown]]
      : [],
  );
}

const cases = PACKAGES.flatMap((pkg) =>
  functionsOf(pkg).map(([name, fn]) => ({ label: `${pkg.name} ${name}`, pkg, name, fn })),
);

describe("random and adversarial arguments to every SDK function", () => {
  // Found by @dapkit/funding's own property test: weights so far apart that their sum, held as a
  // number, overflowed to Infinity when the total was 0 (a RangeError).
  test("allocateByWeight with a total of 0 and weights 300 orders of magnitude apart", () => {
    const shares = [
      { key: "a", weight: 5e-324 },
      { key: "b", weight: 1.797693134862316e-16 },
    ];
    expect(funding.allocateByWeight(0, shares).map((part) => part.amountPence)).toEqual([0, 0]);
    expect(funding.allocateByWeight(7, shares).map((part) => part.amountPence)).toEqual([0, 7]);
  });

  test("every exported function has valid sample arguments here", () => {
    for (const pkg of PACKAGES) {
      expect(
        functionsOf(pkg)
          .map(([name]) => name)
          .sort(),
      ).toEqual(Object.keys(pkg.samples).sort());
    }
  });

  test.each(cases)("$label", ({ pkg, name, fn }) => {
    const sample = pkg.samples[name] ?? [];
    const args = fc.oneof(
      fc.array(adversarialValue, { maxLength: 3 }),
      // Spoiling the argument list as a whole gives one argument, not a list.
      mutated(sample).map((spoiled): unknown[] => (Array.isArray(spoiled) ? spoiled : [spoiled])),
    );
    fc.assert(
      fc.property(args, (values) => {
        try {
          fn(...values);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(pkg.error);
          expect((error as Error).message).not.toBe("");
        }
      }),
      { numRuns: 200 },
    );
  });
});
