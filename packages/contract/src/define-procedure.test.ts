import { describe, expect, test } from "vitest";
import * as z from "zod";

import { contractEntries } from "./contract-entries";
import { isProcedure, mutation, query } from "./define-procedure";

const Name = z.object({ name: z.string() });

describe("defining procedures", () => {
  test("query and mutation record the kind, access and schemas", () => {
    const read = query({ access: "readTraining", output: Name });
    expect(read).toEqual({ kind: "query", access: "readTraining", input: undefined, output: Name });
    const change = mutation({ access: "manageStaff", input: Name, output: Name });
    expect(change).toEqual({ kind: "mutation", access: "manageStaff", input: Name, output: Name });
  });

  test("isProcedure tells a procedure from a subtree", () => {
    expect(isProcedure(query({ access: "public", output: Name }))).toBe(true);
    expect(isProcedure({ list: query({ access: "public", output: Name }) })).toBe(false);
    // A subtree may even hold a procedure called "kind".
    expect(isProcedure({ kind: query({ access: "public", output: Name }) })).toBe(false);
  });

  test("contractEntries lists every procedure by its dotted path, in order", () => {
    const list = query({ access: "signedIn", output: Name });
    const create = mutation({ access: "administer", input: Name, output: Name });
    expect(contractEntries({ a: { b: { list } }, create })).toEqual([
      ["a.b.list", list],
      ["create", create],
    ]);
    expect(contractEntries({})).toEqual([]);
  });
});
