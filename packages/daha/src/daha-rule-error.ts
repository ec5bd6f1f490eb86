/**
 * Why a DAHA rule refused its input; the server maps each code to a response in one table.
 *
 * @example
 * const code: DahaRuleErrorCode = "invalid_transition";
 */
export type DahaRuleErrorCode =
  "invalid_transition" | "unknown_framework" | "unknown_area" | "invalid_date" | "invalid_input";

/**
 * The one error `@dapkit/daha` throws: a `code` to branch on and a message naming the field or value.
 *
 * @example
 * try {
 *   assertEvidenceTransition("draft", "approved");
 * } catch (error) {
 *   if (error instanceof DahaRuleError && error.code === "invalid_transition") {
 *     console.log(error.message);
 *   }
 * }
 */
export class DahaRuleError extends Error {
  override readonly name = "DahaRuleError";
  readonly code: DahaRuleErrorCode;

  constructor(code: DahaRuleErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
