import { setTimeout as delay } from "node:timers/promises";

/** What the server's "import saved" log line says about the import it wrote. */
export interface WriteWindow {
  entity: string;
  rows: number;
  /** Milliseconds the import held the database's write lock: no other write could run. */
  lockedMs: number;
}

// The server logs one JSON object a line (apps/server/src/log.ts); other output is skipped.
function parseLine(line: string): WriteWindow | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const fields = JSON.parse(line) as Record<string, unknown>;
    if (fields.message !== "import saved" || typeof fields.lockedMs !== "number") return undefined;
    return {
      entity: String(fields.entity),
      rows: typeof fields.rows === "number" ? fields.rows : Number.NaN,
      lockedMs: fields.lockedMs,
    };
  } catch {
    return undefined;
  }
}

/**
 * The last "import saved" line in the server's output, waiting up to a second for it: the line
 * comes through a pipe, so it may arrive after the import's response. Undefined if the server
 * does not log one (a server from before it reported its write window).
 */
export async function lastWriteWindow(output: () => string): Promise<WriteWindow | undefined> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const found = output()
      .split("\n")
      .map(parseLine)
      .findLast((line) => line !== undefined);
    if (found !== undefined) return found;
    await delay(50);
  }
  return undefined;
}
