/**
 * What kind of input a funding function refused; the server maps each code to a tRPC code in one table.
 *
 * @example
 * const code: FundingInputErrorCode = "invalid_money";
 */
export type FundingInputErrorCode =
  | "invalid_money"
  | "invalid_financial_year"
  | "invalid_allocation"
  | "invalid_plan"
  | "invalid_table"
  | "invalid_argument";

/**
 * Extra detail for a {@link FundingInputError}: the field at fault, a plan's issues and the cause.
 *
 * @example
 * const details: FundingInputErrorDetails = { field: "shares[1].percent" };
 */
export interface FundingInputErrorDetails {
  readonly field?: string;
  readonly issues?: readonly string[];
  readonly cause?: unknown;
}

/**
 * The one error every `@dapkit/funding` function throws for bad input, with a message naming the field and value.
 *
 * @example
 * try {
 *   parseMoney("abc");
 * } catch (error) {
 *   if (error instanceof FundingInputError) console.log(error.code); // "invalid_money"
 * }
 */
export class FundingInputError extends Error {
  override readonly name = "FundingInputError";
  readonly code: FundingInputErrorCode;
  readonly field: string | undefined;
  readonly issues: readonly string[];

  constructor(
    code: FundingInputErrorCode,
    message: string,
    details: FundingInputErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.field = details.field;
    this.issues = details.issues ?? [];
  }
}
