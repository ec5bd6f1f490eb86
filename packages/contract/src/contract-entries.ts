import { isProcedure, type ContractTree, type ProcedureContract } from "./define-procedure";

/**
 * Every procedure of a contract tree with its dotted path (`training.sessions.list`), in the
 * tree's order: for checks that a router implements exactly the contract, and for tools that list
 * the API.
 *
 * @example
 * contractEntries(contract).map(([path]) => path); // ["audit.list", "auth.signIn", …]
 */
export function contractEntries(tree: ContractTree, prefix = ""): [string, ProcedureContract][] {
  return Object.entries(tree).flatMap(([name, node]) =>
    isProcedure(node)
      ? [[`${prefix}${name}`, node] as [string, ProcedureContract]]
      : contractEntries(node, `${prefix}${name}.`),
  );
}

/** Every procedure's dotted path in a contract tree, as a type: `"training.sessions.list" | …`. */
export type ProcedurePath<Tree, Prefix extends string = ""> = {
  [Name in keyof Tree & string]: Tree[Name] extends ProcedureContract
    ? `${Prefix}${Name}`
    : ProcedurePath<Tree[Name], `${Prefix}${Name}.`>;
}[keyof Tree & string];

/** The procedure at a dotted path of a contract tree, as a type. */
export type ProcedureAt<Tree, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof Tree
    ? ProcedureAt<Tree[Head], Rest>
    : never
  : Path extends keyof Tree
    ? Tree[Path]
    : never;
