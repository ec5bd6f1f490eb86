// Each line is a mistake the published types must catch; the smoke test expects tsc to fail here.
import { createTrackerClient } from "@dapkit/sdk/client";
import { allocateByPercent } from "@dapkit/sdk/funding";

const tracker = createTrackerClient({ url: "http://localhost:3000" });
export const wrongInput = tracker.auth.signIn.mutate({ email: 42, password: "x" });
export const noSuchProcedure = tracker.auth.noSuchThing.query();
export const wrongOutput: Promise<number> = tracker.auth.me.query();
export const wrongShares = allocateByPercent(100, [{ key: "a", share: 50 }]);
export const renamedProcedure = tracker.training.listCourses.query();
