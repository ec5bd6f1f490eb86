import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The tracker server; in development Vite forwards API calls to it so cookies stay same-origin.
const API_SERVER = "http://localhost:3000";

// govuk-frontend's precompiled CSS points at /assets/fonts and /assets/images on the site root;
// resolving those into the package lets Vite fingerprint and bundle them like any other asset.
const GOVUK_ASSETS = fileURLToPath(
  new URL("./node_modules/govuk-frontend/dist/govuk/assets/", import.meta.url),
);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages resolve to their TypeScript source, so the web app needs no prior build.
    conditions: ["@dapkit/source", ...defaultClientConditions],
    alias: [{ find: /^\/assets\/(fonts|images)\//, replacement: `${GOVUK_ASSETS}$1/` }],
  },
  css: {
    // govuk-frontend still carries old Internet Explorer hacks (`@media screen\\0`) that the
    // minifier cannot parse; recovering drops only those rules, which no current browser uses.
    lightningcss: { errorRecovery: true },
  },
  server: {
    proxy: { "/trpc": API_SERVER, "/api": API_SERVER },
  },
  build: {
    outDir: "dist",
    // The server's CSP allows only same-origin scripts and styles, so nothing may be inlined.
    assetsInlineLimit: 0,
  },
});
