import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";

import { issueField, type ApiErrorData } from "@dapkit/contract";

import { AppError } from "../errors";
import { appRouter } from "../router";
import { adversarialValue, mutated } from "./adversarial";
import { procedureTypes } from "./http-calls";
import { PROCEDURE_INPUTS } from "./procedure-inputs";
import { createSecurityWorld, type SecurityWorld } from "./security-world";

// Every public procedure, called as an admin with random and adversarial input: the whole input
// replaced by anything at all, or a valid input with one part replaced, removed or joined by a
// `__proto__` key. Whatever comes in, the procedure answers or refuses in words a person can act
// on; nothing fails inside the server, and a refused input names the field at fault.

// Procedures that hash a password (about 50 ms each) get fewer runs to keep the suite quick.
const SLOW = new Set(["auth.signIn", "users.create", "users.setPassword"]);
const RUNS = { fast: 80, slow: 15 };

let world: SecurityWorld;

beforeAll(async () => {
  world = await createSecurityWorld();
});

type Call = (input: unknown) => Promise<unknown>;

function procedureOf(caller: unknown, path: string): Call {
  const found = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  if (typeof found !== "function") throw new Error(`no procedure ${path}`);
  return found as Call;
}

// The error data a client would get for a refusal: the field and issues a form shows.
function errorData(error: TRPCError): ApiErrorData {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return shape.data;
}

/** Why a refusal is not acceptable, or null when it is. */
function problemWith(error: unknown): string | null {
  if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return `internal error: ${String(error.cause?.stack ?? error.message)}`;
  }
  if (error.code !== "BAD_REQUEST") return null;
  const { cause } = error;
  if (cause instanceof z.ZodError) {
    // One "field: problem" line per issue; an input that is not an object is named "input".
    const lines = error.message.split("\n");
    const named = cause.issues.every((issue, index) => {
      const line = lines[index] ?? "";
      const field = issue.path.length === 0 ? "input" : issue.path.map(String).join(".");
      return line.startsWith(`${field}: `) && line.length > field.length + 2;
    });
    if (!named || lines.length !== cause.issues.length) return `unnamed: ${error.message}`;
    // A client reads the same problems, structured: each where it is and in the schema's words.
    const data = errorData(error);
    const first = data.issues?.[0];
    const structured =
      data.issues?.length === cause.issues.length &&
      data.issues.every((issue) => issue.message !== "") &&
      first !== undefined &&
      data.field === issueField(first.path);
    return structured ? null : `unstructured: ${JSON.stringify(data)}`;
  }
  if (cause instanceof AppError) {
    if (cause.field == null) return `no field named: ${cause.message}`;
    return errorData(error).field === cause.field ? null : `field lost: ${cause.field}`;
  }
  // A domain package's named error (FundingInputError) names the field in its message.
  return cause?.name === "FundingInputError" ? null : `unexpected cause: ${String(cause)}`;
}

async function attempt(call: Call, input: unknown): Promise<string | null> {
  try {
    await call(input);
    return null;
  } catch (error) {
    return problemWith(error);
  }
}

describe("random and adversarial input to every procedure", () => {
  // Found by this test: drizzle refused an update whose only field was sent as undefined (a 500).
  test("users.update with a field sent as undefined changes nothing", async () => {
    const admin = world.app.caller(world.a.users.admin);
    const before = (await admin.users.list()).find((user) => user.id === world.a.spareUserId);
    const after = await admin.users.update({ id: world.a.spareUserId, data: { name: undefined } });
    expect(after).toEqual(before);
  });

  test.each([...procedureTypes().keys()])("%s", async (path) => {
    const call = procedureOf(world.app.caller(world.a.users.admin), path);
    const valid = PROCEDURE_INPUTS[path]?.(world.a);
    const numRuns = SLOW.has(path) ? RUNS.slow : RUNS.fast;
    await fc.assert(
      fc.asyncProperty(fc.oneof(adversarialValue, mutated(valid)), async (input) => {
        expect(await attempt(call, input)).toBeNull();
      }),
      { numRuns },
    );
  });
});
