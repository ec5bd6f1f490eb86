// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const DOMAIN_PACKAGES = [
  "packages/contract",
  "packages/schemas",
  "packages/funding",
  "packages/daha",
  "packages/training",
  "packages/csv",
];

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/coverage/**", "**/.turbo/**", "**/drizzle/**", "docs/api/**"],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "always", { null: "never" }],
      "max-params": ["error", 3],
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Domain packages are pure so any council can use them alone: no I/O, no environment, no server.
    files: DOMAIN_PACKAGES.map((dir) => `${dir}/src/**/*.ts`),
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "http", "https", "child_process"],
              message: "Domain packages are pure: take data in, return data; no I/O.",
            },
            {
              group: ["@trpc/*", "drizzle-orm", "drizzle-orm/*", "better-sqlite3"],
              message: "Domain packages must not depend on the server stack.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Domain packages read no environment." },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "Domain packages do no I/O." },
        { name: "process", message: "Domain packages read no process state." },
      ],
    },
  },
  {
    // One validated env.ts per app: settings are read, checked and typed in one place.
    files: ["apps/server/src/**/*.ts"],
    ignores: ["apps/server/src/env.ts", "apps/server/src/test/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through src/env.ts." },
      ],
    },
  },
  {
    // The web app runs in the browser and reaches the server only over HTTP: it may import the
    // router's type, never the server's code or its database stack (native modules, secrets).
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@dapkit/server",
              allowTypeImports: true,
              message:
                "Import only the AppRouter type from @dapkit/server (import type { AppRouter }).",
            },
          ],
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "drizzle-kit", "better-sqlite3"],
              message: "The web app must not reach the database stack; call the API instead.",
            },
            {
              group: ["@dapkit/server/*", "**/apps/server/**", "**/server/src/**"],
              message: "Import only the AppRouter type from @dapkit/server.",
            },
          ],
        },
      ],
    },
  },
);
