import { mergeConfig } from "vitest/config";

import { defineTestConfig } from "@dapkit/tooling/vitest";

// End-to-end journeys in real Chromium against the real built server. Each file starts its own
// server; files run one at a time because the machine has two cores and Chromium wants them.
export default mergeConfig(
  defineTestConfig({ include: ["e2e/**/*.e2e.ts"], testTimeout: 120_000 }),
  {
    test: { fileParallelism: false, hookTimeout: 120_000 },
  },
);
