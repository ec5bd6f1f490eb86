// @ts-check
import { defineConfig } from "tsup";

/**
 * The one tsup configuration every published package builds with: ESM, declarations, source maps.
 * @param {Record<string, string>} entry map of output name to source file
 */
export function definePackageBuild(entry) {
  return defineConfig({
    entry,
    format: ["esm"],
    target: "node20",
    platform: "neutral",
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
  });
}
