import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, test } from "vitest";

import { callProcedure } from "./test/http-client";
import { runServer } from "./test/run-server";

const DEMO_PASSWORD = "demo password for tests";

describe("the server process", () => {
  test("a first run migrates, seeds the demo organisation and prints its sign-in details; a restart keeps the data", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "dapkit-main-")), "data");
    const first = await runServer({
      DAPKIT_DATA_DIR: dataDir,
      DAPKIT_DEMO_PASSWORD: DEMO_PASSWORD,
    });
    try {
      expect(first.output()).toContain(
        'Created the demo organisation "Northshire Borough Council (demo)"',
      );
      expect(first.output()).toMatch(/admin\s+admin@northshire\.example\s+demo password for tests/);
      const signIn = await callProcedure(first.baseUrl, "auth.signIn", {
        mutation: true,
        input: { email: "admin@northshire.example", password: DEMO_PASSWORD },
      });
      expect(signIn.status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await runServer({ DAPKIT_DATA_DIR: dataDir });
    try {
      expect(second.output()).not.toContain("Created the demo organisation");
      const signIn = await callProcedure(second.baseUrl, "auth.signIn", {
        mutation: true,
        input: { email: "admin@northshire.example", password: DEMO_PASSWORD },
      });
      expect(signIn.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  test("an unusable data directory or a bad setting stops start-up with a clear message", async () => {
    const blocked = await runServer({ DAPKIT_DATA_DIR: "/dev/null/data" });
    expect(await blocked.stop()).toBe(1);
    expect(blocked.output()).toContain(
      "Cannot create the data directory /dev/null/data: ENOTDIR. Set DAPKIT_DATA_DIR to a directory the server can write to.",
    );

    const invalid = await runServer({ DAPKIT_DATA_DIR: "", DAPKIT_DEMO: "maybe" });
    expect(await invalid.stop()).toBe(1);
    expect(invalid.output()).toContain(
      "Invalid environment:\n  DAPKIT_DATA_DIR: must not be empty\n  DAPKIT_DEMO: must be on or off",
    );
  });
});
