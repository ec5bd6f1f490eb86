import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, test } from "vitest";

import { dumpTables, newDataDir } from "../../test/data-dir";
import { runCommand } from "../../test/run-command";

const create = (dataDir: string, ...args: string[]) =>
  runCommand(["create-organisation", ...args], { DAPKIT_DATA_DIR: dataDir, PORT: "4123" });

describe("dapkit-server create-organisation", () => {
  test("creates the organisation and its admin, prints a 72-hour link, and refuses a duplicate", async () => {
    const dataDir = newDataDir();
    const made = await create(
      dataDir,
      "--name",
      "Oxford City Council",
      "--admin-email",
      "Lead@Oxford.example",
    );
    expect(made.code, made.output).toBe(0);
    expect(made.output).toContain(
      'Created the organisation "Oxford City Council" with the administrator lead@oxford.example.',
    );
    expect(made.output).toContain("for 72 hours");
    // With no DAPKIT_PUBLIC_URL, the link points at this machine's port.
    expect(made.output).toMatch(/ {2}http:\/\/localhost:4123\/set-password#token=[\w-]{43}\n/);

    const before = dumpTables(join(dataDir, "dapkit.db"));
    const again = await create(
      dataDir,
      "--name",
      "oxford city council",
      "--admin-email",
      "other@oxford.example",
    );
    expect(again.code).toBe(1);
    expect(again.output).toBe('An organisation called "oxford city council" already exists\n');
    const sameEmail = await create(
      dataDir,
      "--name",
      "Cherwell",
      "--admin-email",
      "lead@oxford.example",
    );
    expect(sameEmail.code).toBe(1);
    expect(sameEmail.output).toBe("The email address lead@oxford.example already has an account\n");
    expect(dumpTables(join(dataDir, "dapkit.db"))).toEqual(before);
  }, 60_000);

  test("refuses an invalid email, missing options and a data directory it cannot open", async () => {
    const dataDir = newDataDir();
    const badEmail = await create(dataDir, "--name", "Oxford", "--admin-email", "not-an-email");
    expect(badEmail.code).toBe(1);
    expect(badEmail.output).toBe(
      "--admin-email must be an email address, like name@council.gov.uk\n",
    );
    const missing = await create(dataDir, "--name", "Oxford");
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("Give both --name and --admin-email.");
    const unknown = await create(
      dataDir,
      "--name",
      "Oxford",
      "--admin-email",
      "a@b.example",
      "--force",
    );
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("Unknown option '--force'");

    // A file where the directory should be: it cannot be created or written.
    const parent = newDataDir();
    mkdirSync(parent, { recursive: true });
    const blocked = join(parent, "blocked");
    writeFileSync(blocked, "");
    chmodSync(blocked, 0o400);
    const cannot = await create(
      join(blocked, "data"),
      "--name",
      "Oxford",
      "--admin-email",
      "a@b.example",
    );
    expect(cannot.code).toBe(1);
    expect(cannot.output).toMatch(
      /^Cannot open the data directory .*blocked\/data: it cannot be created or written to/,
    );
  }, 60_000);
});
