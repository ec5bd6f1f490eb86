import { mergeConfig } from "vitest/config";

import { defineTestConfig } from "@dapkit/tooling/vitest";

export default mergeConfig(defineTestConfig({ environment: "happy-dom" }), {
  // Testing Library unmounts between tests only when told to (vitest has no globals here).
  // Files share one module graph and page per worker (isolate: false): setting both up again for
  // each of 40 files took over 50 of the run's 63 seconds. Each file puts back what it changes
  // (fetch stubs, the query cache) after every test.
  test: { setupFiles: ["./src/test-setup.ts"], isolate: false },
});
