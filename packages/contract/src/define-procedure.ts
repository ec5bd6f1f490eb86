import type * as z from "zod";

import type { Permission } from "./roles";

/**
 * Who may call a procedure: anyone (`"public"`), any signed-in user (`"signedIn"`), or a user whose
 * role has the named permission (see {@link PERMISSIONS}).
 */
export type Access = "public" | "signedIn" | Permission;

/**
 * One procedure of the tracker's API: whether it reads (`query`) or changes (`mutation`), who may
 * call it, and the schemas of what it takes and gives. The server builds its tRPC procedure from
 * this, the web app validates forms with `input` before sending, and the SDK's client takes its
 * types from it.
 */
export interface ProcedureContract<
  Kind extends "query" | "mutation" = "query" | "mutation",
  Input extends z.ZodType | undefined = z.ZodType | undefined,
  Output extends z.ZodType = z.ZodType,
  Who extends Access = Access,
> {
  readonly kind: Kind;
  readonly access: Who;
  readonly input: Input;
  readonly output: Output;
}

/** A tree of procedures by name, as the API nests them (`training.sessions.list`). */
export interface ContractTree {
  readonly [name: string]: ProcedureContract | ContractTree;
}

interface Definition<
  Input extends z.ZodType | undefined,
  Output extends z.ZodType,
  Who extends Access,
> {
  readonly access: Who;
  readonly input?: Input;
  readonly output: Output;
}

/**
 * A procedure that reads.
 *
 * @example
 * const list = query({ access: "readTraining", output: z.array(CourseSchema) });
 */
export function query<
  Output extends z.ZodType,
  Input extends z.ZodType | undefined = undefined,
  Who extends Access = Access,
>(definition: Definition<Input, Output, Who>): ProcedureContract<"query", Input, Output, Who> {
  return { kind: "query", ...definition, input: definition.input as Input };
}

/**
 * A procedure that changes data.
 *
 * @example
 * const create = mutation({ access: "manageStaff", input: NewCourseSchema, output: CourseSchema });
 */
export function mutation<
  Output extends z.ZodType,
  Input extends z.ZodType | undefined = undefined,
  Who extends Access = Access,
>(definition: Definition<Input, Output, Who>): ProcedureContract<"mutation", Input, Output, Who> {
  return { kind: "mutation", ...definition, input: definition.input as Input };
}

/** True for a procedure's contract, false for a subtree of them. */
export function isProcedure(node: ProcedureContract | ContractTree): node is ProcedureContract {
  return (
    typeof node.kind === "string" &&
    (node.kind === "query" || node.kind === "mutation") &&
    "output" in node
  );
}
