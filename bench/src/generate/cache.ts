import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { SizeSpec } from "../sizes";

/** bench/.cache: generated organisations kept between runs (git-ignored). */
export const CACHE_ROOT = fileURLToPath(new URL("../../.cache", import.meta.url));
const GENERATOR_FOLDER = fileURLToPath(new URL(".", import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/**
 * What a cached organisation depends on: the generator's code and the size; a change to either
 * builds it again on the next run. Migrations added since it was built are applied when the
 * benchmarks open it, as they would be to a council's live database, so an index change is
 * measured without rebuilding millions of rows; `--fresh` rebuilds from the migrations alone.
 */
export function cacheKey(size: SizeSpec): string {
  const hash = createHash("sha256").update(JSON.stringify(size));
  for (const path of filesUnder(GENERATOR_FOLDER)) {
    hash.update(path.slice(path.lastIndexOf("/") + 1)).update(readFileSync(path));
  }
  return hash.digest("hex").slice(0, 12);
}

/** Where the organisation of `size` is cached, and removes caches of older keys. */
export function cacheDirFor(size: SizeSpec): string {
  const key = cacheKey(size);
  const dir = join(CACHE_ROOT, `${size.name}-${key}`);
  if (existsSync(CACHE_ROOT)) {
    for (const name of readdirSync(CACHE_ROOT)) {
      if (name.startsWith(`${size.name}-`) && !name.startsWith(`${size.name}-${key}`)) {
        rmSync(join(CACHE_ROOT, name), { recursive: true, force: true });
      }
    }
  }
  return dir;
}
