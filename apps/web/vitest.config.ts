import { mergeConfig } from "vitest/config";

import { defineTestConfig } from "@dapkit/tooling/vitest";

export default mergeConfig(defineTestConfig({ environment: "happy-dom" }), {
  // Testing Library unmounts between tests only when told to (vitest has no globals here).
  test: { setupFiles: ["./src/test-setup.ts"] },
});
