import { defineConfig } from "tsup";

// The server is an application, not a library: bundled, with dependencies left in node_modules.
export default defineConfig({
  // The import worker is its own entry: a worker thread loads it by path (import-runner.ts).
  entry: { main: "src/main.ts", "import-worker": "src/services/imports/import-worker.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
});
