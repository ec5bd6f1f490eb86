import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { ACCOUNT_LINK_LIFETIME_HOURS } from "@dapkit/contract";

import { claimDataDir } from "../../backup/data-dir-lock";
import { createDb } from "../../db/client";
import { publicUrlOf, type Env } from "../../env";
import { AppError } from "../../errors";
import { createOrganisation } from "./create-organisation";

/** Thrown for a command that cannot do what was asked; the message says why and what to do. */
export class CommandError extends Error {
  override name = "CommandError";
}

const USAGE =
  'Usage: dapkit-server create-organisation --name "Oxford City Council" --admin-email lead@oxford.example';

function options(args: readonly string[]): { name: string; adminEmail: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { name: { type: "string" }, "admin-email": { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`);
  }
  const { name, "admin-email": adminEmail } = parsed.values;
  if (name === undefined || adminEmail === undefined) {
    throw new CommandError(`Give both --name and --admin-email.\n${USAGE}`);
  }
  return { name, adminEmail };
}

/**
 * `dapkit-server create-organisation`: creates an organisation and its first administrator in the
 * data directory, and returns what to print: the single-use link where the administrator sets
 * their password. Safe while servers run on the same directory (it shares their lock, and SQLite
 * keeps the writes apart); refused while a restore holds it.
 */
export function runCreateOrganisation(args: readonly string[], env: Env): string {
  const { name, adminEmail } = options(args);
  const dataDir = resolve(env.DAPKIT_DATA_DIR);
  const lock = claimDataDir(dataDir, (message) => new CommandError(message));
  if (lock === undefined) {
    throw new CommandError(
      `Cannot open the data directory ${dataDir}: it cannot be created or written to. ` +
        "Set DAPKIT_DATA_DIR to the server's data directory.",
    );
  }
  let db;
  try {
    db = createDb(join(dataDir, "dapkit.db"));
  } catch (error) {
    lock.release();
    throw new CommandError(`Cannot open the database in ${dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const created = createOrganisation(db, {
      name,
      adminEmail,
      now: new Date(),
      publicUrl: publicUrlOf(env),
    });
    return [
      `Created the organisation "${created.name}" with the administrator ${created.adminEmail}.`,
      `Send them this link to set their password (it works once, for ${ACCOUNT_LINK_LIFETIME_HOURS} hours):`,
      "",
      `  ${created.link.url}`,
      "",
    ].join("\n");
  } catch (error) {
    if (error instanceof AppError) throw new CommandError(error.message, { cause: error });
    throw error;
  } finally {
    db.$client.close();
    lock.release();
  }
}
