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
    // Presentation lives in the packages (issue 11): dates, London time, money, rates and the
    // words for every status are @dapkit/*'s, so the apps show what the exports, the evidence pack
    // and the CLI show. These patterns are how a copy would come back.
    files: ["apps/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}", "apps/web/e2e/**", "apps/server/src/test/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "NewExpression[callee.object.name='Intl'][callee.property.name=/^(DateTimeFormat|NumberFormat)$/]",
          message:
            "Format dates, times and numbers with @dapkit/schemas (formatDate, formatTime, formatCount), @dapkit/funding (formatMoney) or @dapkit/training (formatRate).",
        },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: "Format with @dapkit/schemas (formatDate, formatTime, formatCount) instead.",
        },
        {
          selector: "Literal[value='Europe/London']",
          message:
            "London time is @dapkit/schemas' (londonWallClock, londonInstant, londonToday, formatTime).",
        },
        {
          selector:
            "BinaryExpression[operator='/'][left.callee.object.name='Math'][left.callee.property.name='round']:matches([right.value=10], [right.value=100])",
          message: "Round rates with @dapkit/training's formatRate or ratePercent.",
        },
        {
          selector:
            "Property[key.name=/^(nominated|waitlisted|fully_attended|partially_attended|unable_to_attend|no_show|in_review|expired|policy|champions_list|not_started|in_progress|on_hold|not_agreed|due_soon|overdue|red|amber|green|health|criminal_justice|civil_legal)$/][value.type='Literal'][value.value=/^[A-Z]/]",
          message:
            "Words for a status, kind or area belong to the package that owns it (NOMINATION_STATE_LABELS, EVIDENCE_KIND_LABELS, EVIDENCE_STATUS_LABELS, RAG_LABELS, RECOMMENDATION_STATUS_LABELS, REFRESHER_STATUS_LABELS, SECTOR_LABELS).",
        },
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
