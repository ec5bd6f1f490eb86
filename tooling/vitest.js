// @ts-check
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Workspace packages are read from source through this export condition, so tests need no build.
const SOURCE_CONDITION = "@dapkit/source";

// Dates and times in tests must not depend on the machine's zone.
process.env.TZ = "UTC";

/**
 * The vitest configuration every workspace shares.
 * @param {{ coverage?: boolean, environment?: "node" | "jsdom" | "happy-dom", include?: string[], testTimeout?: number }} [options]
 *   `coverage` turns on the v8 coverage gate (95 % of lines, branches, functions and statements).
 */
export function defineTestConfig(options = {}) {
  return defineConfig({
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
    test: {
      environment: options.environment ?? "node",
      include: options.include ?? ["src/**/*.test.ts", "src/**/*.test.tsx"],
      setupFiles: [fileURLToPath(new URL("./fail-on-console.js", import.meta.url))],
      testTimeout: options.testTimeout ?? 10_000,
      coverage: {
        enabled: options.coverage ?? false,
        provider: "v8",
        include: ["src/**/*.ts"],
        exclude: ["src/**/*.test.ts", "src/**/*.test-d.ts"],
        reporter: ["text-summary", "html"],
        thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
      },
    },
  });
}
