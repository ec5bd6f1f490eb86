/**
 * Why a training rule refused its input; the server maps each code to a response in one table.
 *
 * @example
 * const code: TrainingRuleErrorCode = "invalid_transition";
 */
export type TrainingRuleErrorCode = "invalid_transition" | "invalid_date" | "invalid_input";

/**
 * The one error `@dapkit/training` throws: a `code` to branch on and a message naming the field or value.
 *
 * @example
 * try {
 *   assertNominationTransition("cancelled", "fully_attended");
 * } catch (error) {
 *   if (error instanceof TrainingRuleError && error.code === "invalid_transition") {
 *     console.log(error.message); // "Cannot mark attendance for a cancelled nomination"
 *   }
 * }
 */
export class TrainingRuleError extends Error {
  override readonly name = "TrainingRuleError";
  readonly code: TrainingRuleErrorCode;

  constructor(code: TrainingRuleErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
