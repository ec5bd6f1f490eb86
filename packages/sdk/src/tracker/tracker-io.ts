import type * as z from "zod";

import type { Contract, ProcedureContract } from "@dapkit/contract";

/** The input of every procedure of a contract tree, by path. */
export type ContractInputs<Tree> = {
  [Name in keyof Tree]: Tree[Name] extends ProcedureContract<infer _Kind, infer Input>
    ? Input extends z.ZodType
      ? z.input<Input>
      : undefined
    : ContractInputs<Tree[Name]>;
};

/** The output of every procedure of a contract tree, by path. */
export type ContractOutputs<Tree> = {
  [Name in keyof Tree]: Tree[Name] extends ProcedureContract<
    infer _Kind,
    infer _Input,
    infer Output
  >
    ? z.output<Output>
    : ContractOutputs<Tree[Name]>;
};

/**
 * The input of every tracker procedure, by path (undefined for a procedure that takes none).
 *
 * @example
 * type NewStaffMember = TrackerInputs["staff"]["create"];
 */
export type TrackerInputs = ContractInputs<Contract>;

/**
 * The output of every tracker procedure, by path.
 *
 * @example
 * type SignedInUser = NonNullable<TrackerOutputs["auth"]["me"]>;
 */
export type TrackerOutputs = ContractOutputs<Contract>;
