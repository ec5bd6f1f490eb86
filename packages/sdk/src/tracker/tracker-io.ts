import type * as z from "zod";

import type { Contract, ProcedureContract } from "@dapkit/contract";

type InputsOf<Tree> = {
  [Name in keyof Tree]: Tree[Name] extends ProcedureContract<infer _Kind, infer Input>
    ? Input extends z.ZodType
      ? z.input<Input>
      : undefined
    : InputsOf<Tree[Name]>;
};

type OutputsOf<Tree> = {
  [Name in keyof Tree]: Tree[Name] extends ProcedureContract<
    infer _Kind,
    infer _Input,
    infer Output
  >
    ? z.output<Output>
    : OutputsOf<Tree[Name]>;
};

/**
 * The input of every tracker procedure, by path (undefined for a procedure that takes none).
 *
 * @example
 * type NewStaffMember = TrackerInputs["staff"]["create"];
 */
export type TrackerInputs = InputsOf<Contract>;

/**
 * The output of every tracker procedure, by path.
 *
 * @example
 * type SignedInUser = NonNullable<TrackerOutputs["auth"]["me"]>;
 */
export type TrackerOutputs = OutputsOf<Contract>;
