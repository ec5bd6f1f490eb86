// Compiled with skipLibCheck off: every declaration file the SDK brings in must type-check, as in
// a council project whose tsconfig checks its libraries.
import { planFunding, type FundingPlanResult } from "@dapkit/sdk";
import {
  createTrackerClient,
  isTrackerError,
  type TrackerError,
  type TrackerErrorCode,
  type TrackerInputs,
  type TrackerOutputs,
} from "@dapkit/sdk/client";
import { assessReadiness } from "@dapkit/sdk/daha";
import { allocateByPercent } from "@dapkit/sdk/funding";
import { FundingPlanSchema } from "@dapkit/sdk/schemas";
import { uptakeFunnel } from "@dapkit/sdk/training";

export const result: FundingPlanResult = planFunding({ name: "Plan", financialYears: ["2017/18"] });
export const parse = FundingPlanSchema.safeParse;
export const readiness = assessReadiness;
export const funnel = uptakeFunnel;
export const split = allocateByPercent(100, [{ key: "a", percent: 100 }]);

export async function sessions(
  url: string,
): Promise<TrackerOutputs["training"]["sessions"]["list"]> {
  const tracker = createTrackerClient({ url });
  const filter: TrackerInputs["training"]["sessions"]["list"] = { pageSize: 10 };
  try {
    return await tracker.training.sessions.list.query(filter);
  } catch (error) {
    const code: TrackerErrorCode | null = isTrackerError(error) ? error.code : null;
    const field: TrackerError["field"] = isTrackerError(error) ? error.field : null;
    throw new Error(`${code ?? "unknown"} ${field ?? ""}`);
  }
}
