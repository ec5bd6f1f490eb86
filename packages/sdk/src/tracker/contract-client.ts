import type * as z from "zod";

import { isProcedure, type ContractTree, type ProcedureContract } from "@dapkit/contract";

/**
 * The arguments of a call: none for a procedure without input, an optional input when the schema
 * accepts none (every field has a default), else the input.
 *
 * @example
 * type NoArguments = CallArgs<undefined>; // []
 */
export type CallArgs<Input> = Input extends z.ZodType
  ? undefined extends z.input<Input>
    ? [input?: z.input<Input>]
    : [input: z.input<Input>]
  : [];

/** A procedure that reads: `.query(input)` resolves with its output. */
export interface QueryCall<Input, Output extends z.ZodType> {
  query(...args: CallArgs<Input>): Promise<z.output<Output>>;
}

/** A procedure that changes data: `.mutate(input)` resolves with its output. */
export interface MutationCall<Input, Output extends z.ZodType> {
  mutate(...args: CallArgs<Input>): Promise<z.output<Output>>;
}

/** A client for a tree of procedures: the same names, each procedure a query or a mutation. */
export type ContractClient<Tree> = {
  readonly [Name in keyof Tree]: Tree[Name] extends ProcedureContract<
    infer Kind,
    infer Input,
    infer Output
  >
    ? Kind extends "query"
      ? QueryCall<Input, Output>
      : MutationCall<Input, Output>
    : ContractClient<Tree[Name]>;
};

/** Sends one call: the procedure's kind, its dotted path and its input (undefined for none). */
export type SendCall = (
  kind: ProcedureContract["kind"],
  path: string,
  input: unknown,
) => Promise<unknown>;

/**
 * Builds a client object with the contract's shape, each procedure a function that sends its call.
 * Walking the contract (rather than a Proxy) means the client has exactly the tracker's procedures.
 */
export function contractClient<Tree extends ContractTree>(
  tree: Tree,
  send: SendCall,
  prefix = "",
): ContractClient<Tree> {
  const client: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(tree)) {
    const path = `${prefix}${name}`;
    if (!isProcedure(node)) client[name] = contractClient(node, send, `${path}.`);
    else if (node.kind === "query")
      client[name] = { query: (input?: unknown) => send("query", path, input) };
    else client[name] = { mutate: (input?: unknown) => send("mutation", path, input) };
  }
  return client as ContractClient<Tree>;
}
