import type { FundingPlanResult } from "@dapkit/funding";
import { expect, test } from "vitest";

import { planReport } from "./plan-report";

// The terminal shows money in @dapkit/funding's words, the same text the web shows for the same
// value (apps/web/src/lib/presentation-pins.test.tsx): a gap of -£30,217.50 is -£30,218.
test("prints a Year 1 variance of -£30,217.50 as -£30,218, the half pound away from zero", () => {
  const result = {
    name: "Example partnership plan",
    years: [{ financialYear: "2014/15" }, { financialYear: "2015/16" }],
  } as unknown as FundingPlanResult;
  const report = planReport(result, [
    { section: "Funding", label: "Gap", years: [-3_021_750, 3_021_750], totalPence: 0 },
  ]);
  expect(report).toContain("Example partnership plan\n2 financial years: 2014/15, 2015/16");
  expect(report).toMatch(/Gap +-£30,218 +£30,218 +£0/);
});
