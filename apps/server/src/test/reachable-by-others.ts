import { chmodSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Lets other users pass through every folder above `dir` (adds the search bit where it is
 * missing, e.g. on a `mktemp -d` checkout), so a process started as another user can load the
 * server's code; returns a function that puts the permissions back.
 */
export function reachableByOthers(dir: string): () => void {
  const changed: { path: string; mode: number }[] = [];
  for (let path = dir; ; path = dirname(path)) {
    const mode = statSync(path).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      changed.push({ path, mode });
      chmodSync(path, mode | 0o001);
    }
    if (dirname(path) === path) break;
  }
  return () => {
    for (const { path, mode } of changed) chmodSync(path, mode);
  };
}
