#!/usr/bin/env node
// Runs the built server; `pnpm build` creates dist/.
import "../dist/main.js";
