import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, test } from "vitest";

import { contract, contractEntries, type ProcedureContract } from "@dapkit/contract";

import { appRouter } from "./router";

interface BuiltProcedure {
  _def: { type: string; meta?: { access?: unknown }; inputs: unknown[]; output?: unknown };
}

const built = appRouter._def.procedures as unknown as Record<string, BuiltProcedure>;
const entries = new Map<string, ProcedureContract>(contractEntries(contract));
const source = (...parts: string[]) => join(import.meta.dirname, ...parts);

// Every .ts file under a folder of src, tests left out.
function sourceFiles(folder: string): string[] {
  return readdirSync(source(folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => join(folder, name));
}

describe("the router is the contract, built", () => {
  test("every contract entry has a procedure and every procedure an entry", () => {
    expect(Object.keys(built).sort()).toEqual([...entries.keys()].sort());
  });

  test.each([...entries])("%s: its kind, access and schemas are the entry's own", (path, entry) => {
    const procedure = built[path];
    expect(procedure?._def.type).toBe(entry.kind);
    expect(procedure?._def.meta?.access).toBe(entry.access);
    // The very schema objects, not copies that could drift.
    expect(procedure?._def.inputs).toHaveLength(entry.input === undefined ? 0 : 1);
    if (entry.input !== undefined) expect(procedure?._def.inputs[0]).toBe(entry.input);
    expect(procedure?._def.output).toBe(entry.output);
  });
});

describe("one way per thing on the server", () => {
  test("routers define no schemas and hold no queries: only wiring", () => {
    for (const file of sourceFiles("routers")) {
      const text = readFileSync(source(file), "utf8");
      expect(text, file).not.toMatch(/from "zod"|from "drizzle-orm"|\.input\(|\.output\(/);
    }
  });

  test("permissions are checked in one place, auth/authorise.ts", () => {
    const checks = sourceFiles(".").filter((file) =>
      /\broleCan\(|\bPERMISSIONS\b/.test(readFileSync(source(file), "utf8")),
    );
    expect(checks).toEqual([join("auth", "authorise.ts")]);
  });
});
