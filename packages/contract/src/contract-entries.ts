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
