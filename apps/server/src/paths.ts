import { fileURLToPath } from "node:url";

// This module sits directly in src/ and is bundled into dist/main.js, so "../" is the package
// root either way: from source in tests and development, and from the build in production.
const packageRoot = new URL("../", import.meta.url);

/** The committed drizzle-kit migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("drizzle", packageRoot));

/** The built web client that the server serves in production. */
export const WEB_DIST_FOLDER = fileURLToPath(new URL("../web/dist", packageRoot));
