import { defineTestConfig } from "@dapkit/tooling/vitest";
import { configDefaults, defineConfig } from "vitest/config";

const base = defineTestConfig({ testTimeout: 20_000 });
// What each project takes from the shared configuration (coverage is the whole run's).
const { environment, setupFiles, testTimeout } = base.test ?? {};
const project = { environment, setupFiles, testTimeout };
const { resolve, ssr } = base;

// Test files that replace a module with vi.mock need a module graph of their own.
const MOCKING = [
  "src/security/sign-in-attacks.test.ts",
  "src/security/sign-in-enumeration.test.ts",
];

// Every other file shares one module graph per worker (isolate: false): importing the app again
// for each of over a hundred files took about a fifth of the suite's time. Each test builds its
// own app and database, so nothing a test relies on is kept between files.
export default defineConfig({
  test: {
    coverage: base.test?.coverage,
    projects: [
      {
        resolve,
        ssr,
        test: {
          ...project,
          name: "shared",
          isolate: false,
          exclude: [...configDefaults.exclude, ...MOCKING],
        },
      },
      { resolve, ssr, test: { ...project, name: "isolated", include: MOCKING } },
    ],
  },
});
