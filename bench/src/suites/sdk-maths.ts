import { allocateByPercent, planFunding, reconcileVariance } from "@dapkit/funding";

import type { BenchContext } from "../context";
import { time } from "../measure";
import { withRatio, type Measurement } from "../results";

// The naive allocation: each share rounded on its own, in floating point. Quick, but its parts
// need not add up to the total, which is why @dapkit/funding uses exact largest-remainder sharing.
function naiveAllocate(totalPence: number, shares: readonly { key: string; percent: number }[]) {
  return shares.map((share) => ({
    key: share.key,
    amountPence: Math.round((totalPence * share.percent) / 100),
  }));
}

function financialYears(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const start = 2025 + i;
    return `${String(start)}/${String((start + 1) % 100).padStart(2, "0")}`;
  });
}

function fundingPlan(years: number, partners: number) {
  const labels = financialYears(years);
  const keys = Array.from({ length: partners }, (_, i) => `partner-${String(i + 1)}`);
  return {
    name: "Benchmark partnership",
    financialYears: labels,
    partners: keys.map((key) => ({ key, name: key })),
    costs: labels.map((financialYear, i) => ({
      financialYear,
      amountPence: 150_000_000 + i * 1_000_000,
    })),
    contributions: labels.flatMap((financialYear) =>
      keys.map((partner, p) => ({ partner, financialYear, amountPence: 2_900_000 + p * 100 })),
    ),
    reserveDrawdowns: labels.map((financialYear) => ({
      reserve: "Community safety reserve",
      financialYear,
      amountPence: 1_000_000,
    })),
  };
}

// The naive plan: sum each year's costs and contributions with filters over the whole plan.
function naivePlan(plan: ReturnType<typeof fundingPlan>) {
  return plan.financialYears.map((year) => {
    const cost = plan.costs
      .filter((c) => c.financialYear === year)
      .reduce((sum, c) => sum + c.amountPence, 0);
    const income = plan.contributions
      .filter((c) => c.financialYear === year)
      .reduce((sum, c) => sum + c.amountPence, 0);
    return { year, gap: cost - income };
  });
}

function varianceRows(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    key: `line-${String(i)}`,
    allocationPence: 1_000_000 + i,
    forecastPence: 990_000 + ((i * 37) % 20_000),
    reportedVariancePence: i % 50 === 0 ? 1 : 1_000_000 + i - (990_000 + ((i * 37) % 20_000)),
  }));
}

function naiveVariance(rows: ReturnType<typeof varianceRows>) {
  return rows.map((row) => {
    const variance = row.allocationPence - row.forecastPence;
    return { key: row.key, variance, discrepancy: row.reportedVariancePence - variance };
  });
}

/** @dapkit/funding's maths at the sizes of the issue, against naive floating-point versions. */
export async function measureSdkMaths(context: BenchContext): Promise<Measurement[]> {
  const runs = Math.max(20, context.runs.queries);
  const shares = Array.from({ length: 10_000 }, (_, i) => ({
    key: `partner-${String(i)}`,
    percent: 0.01,
  }));
  const allocate = await time(() => allocateByPercent(1_502_449_00, shares), { runs, warmup: 3 });
  const allocateNaive = await time(() => naiveAllocate(1_502_449_00, shares), { runs, warmup: 3 });
  const plan = fundingPlan(20, 50);
  const planned = await time(() => planFunding(plan), { runs, warmup: 3 });
  const plannedNaive = await time(() => naivePlan(plan), { runs, warmup: 3 });
  const rows = varianceRows(10_000);
  const reconciled = await time(() => reconcileVariance(rows), { runs, warmup: 3 });
  const reconciledNaive = await time(() => naiveVariance(rows), { runs, warmup: 3 });
  const size = context.generated.size.name;
  return [
    withRatio({
      size,
      name: "SDK: allocateByPercent over 10,000 partners",
      unit: "ms",
      result: allocate,
      baseline: {
        name: "each share rounded alone in floating point (need not add up)",
        result: allocateNaive,
      },
      targets: [{ text: "< 5 ms", met: allocate.p95 < 5 }],
    }),
    withRatio({
      size,
      name: "SDK: planFunding, 20 years × 50 partners",
      unit: "ms",
      result: planned,
      baseline: {
        name: "costs and contributions summed per year, unchecked",
        result: plannedNaive,
      },
      targets: [{ text: "< 20 ms", met: planned.p95 < 20 }],
    }),
    withRatio({
      size,
      name: "SDK: reconcileVariance over 10,000 rows",
      unit: "ms",
      result: reconciled,
      baseline: { name: "allocation − forecast per row, unchecked", result: reconciledNaive },
      targets: [],
    }),
  ];
}
