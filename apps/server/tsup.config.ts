import { defineConfig } from "tsup";

// The server is an application, not a library: one bundle, with dependencies left in node_modules.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
});
