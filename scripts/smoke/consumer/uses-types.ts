// Must type-check in a project that has only the published tarballs, zod and typescript.
import { createTrackerClient, isTrackerError, type TrackerOutputs } from "@dapkit/sdk/client";
import type { FundingPlanInput } from "@dapkit/sdk/schemas";
import { allocateByPercent, planFunding, type FundingPlanResult } from "@dapkit/sdk";
import { EXIT_CODES, run, type CliIo } from "@dapkit/cli";

const plan: FundingPlanInput = { name: "Plan", financialYears: ["2017/18"] };
const result: FundingPlanResult = planFunding(plan);
const parts: { key: "a" | "b"; amountPence: number }[] = allocateByPercent(100, [
  { key: "a", percent: 50 },
  { key: "b", percent: 50 },
]);

export async function whoAmI(url: string): Promise<string> {
  const tracker = createTrackerClient({ url, headers: { "x-request-id": "smoke" } });
  const me: TrackerOutputs["auth"]["me"] = await tracker.auth.me.query();
  const signedIn = await tracker.auth.signIn.mutate({ email: "a@b.example", password: "secret" });
  const role: "admin" | "hr" | "accreditation_lead" | "manager" | "agency_lead" | "viewer" =
    signedIn.role;
  try {
    await tracker.auth.signOut.mutate();
  } catch (error) {
    if (isTrackerError(error) && error.code === "UNAUTHORIZED") return "signed out";
  }
  return `${me?.name ?? "nobody"} ${role} ${result.name} ${parts.length}`;
}

export const exitCode: number = EXIT_CODES.problemsFound;
export type Io = CliIo;
export const runCli: (argv: readonly string[], io: CliIo) => Promise<number> = run;
