import { allocateByPercent, planFunding, reconcileVariance } from "@dapkit/funding";
import { allocate, dinero, toSnapshot } from "dinero.js";
import { GBP } from "dinero.js/currencies";

import type { RunCounts } from "../context";
import { time, timeSideBySide, type Timing } from "../measure";
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

// The peer: dinero.js 2.0.2's allocate, given each share as an integer ratio in hundredths of a
// per cent, its parts read back as pence. It gives the leftover pennies to the largest ratios,
// the first listed among equals; with equal shares that is what largest remainders give too.
function dineroAllocate(totalPence: number, ratios: readonly number[]): number[] {
  return allocate(dinero({ amount: totalPence, currency: GBP }), ratios).map(
    (part) => toSnapshot(part).amount,
  );
}

function samePence(dapkit: readonly { amountPence: number }[], peer: readonly number[]): boolean {
  return (
    dapkit.length === peer.length && dapkit.every((part, index) => part.amountPence === peer[index])
  );
}

// On a loaded machine most runs of a few milliseconds wait for a core; the fastest run is the
// closest to the work itself.
function fastest(timing: Timing): string {
  return `${timing.min.toFixed(2)} ms`;
}

/** @dapkit/funding's maths at the sizes of the issue, against naive floating-point versions and dinero.js. */
export async function measureSdkMaths(options: {
  size: string;
  runs: RunCounts;
}): Promise<Measurement[]> {
  // Each call takes milliseconds, so 100 runs cost little, and a p95 of 100 is not, as of 20, the
  // second-slowest run, which on a shared machine is whichever run another process interrupted.
  // Ten warm-up calls let V8 optimise the code, as a server's earlier requests would have.
  const runs = options.runs.queries >= 20 ? 100 : 50;
  const warmup = 10;
  const total = 1_502_449_00;
  const shares = Array.from({ length: 10_000 }, (_, i) => ({
    key: `partner-${String(i)}`,
    percent: 0.01,
  }));
  const ratios = shares.map((share) => Math.round(share.percent * 100));
  if (!samePence(allocateByPercent(total, shares), dineroAllocate(total, ratios))) {
    throw new Error("allocateByPercent and dinero.js allocate gave different pence");
  }
  const peer = timeSideBySide(
    () => allocateByPercent(total, shares),
    () => dineroAllocate(total, ratios),
    { runs, warmup },
  );
  const { first: allocated, second: allocatedByPeer } = peer;
  const allocateNaive = await time(() => naiveAllocate(total, shares), { runs, warmup });
  const plan = fundingPlan(20, 50);
  const planned = await time(() => planFunding(plan), { runs, warmup });
  const plannedNaive = await time(() => naivePlan(plan), { runs, warmup });
  const rows = varianceRows(10_000);
  const reconciled = await time(() => reconcileVariance(rows), { runs, warmup });
  const reconciledNaive = await time(() => naiveVariance(rows), { runs, warmup });
  const { size } = options;
  return [
    withRatio({
      size,
      name: "SDK: allocateByPercent over 10,000 partners",
      unit: "ms",
      result: allocated,
      baseline: {
        name: "each share rounded alone in floating point (need not add up)",
        result: allocateNaive,
      },
      targets: [{ text: "< 5 ms", met: allocated.p95 < 5 }],
      notes: `fastest run ${fastest(allocated)}`,
    }),
    withRatio({
      size,
      name: "SDK: the same 10,000 shares, allocateByPercent against dinero.js 2.0.2 allocate",
      unit: "ms",
      result: allocated,
      baseline: {
        name: "the peer, dinero.js 2.0.2 allocate with integer ratios (hundredths of a per cent), timed alternately with dapkit; both gave the same pence",
        result: allocatedByPeer,
      },
      targets: [
        {
          text: "no slower than dinero.js (ratio ≥ 1)",
          met: allocatedByPeer.median >= allocated.median,
        },
      ],
      notes: `run by run, dinero.js took ${peer.pairedRatio.toFixed(1)}× as long (median); fastest runs ${fastest(allocated)} and ${fastest(allocatedByPeer)}`,
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
      targets: [{ text: "< 5 ms", met: reconciled.p95 < 5 }],
      notes: `fastest run ${fastest(reconciled)}`,
    }),
  ];
}
