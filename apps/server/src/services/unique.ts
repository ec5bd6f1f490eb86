import { AppError } from "../errors";
import { isUniqueViolation } from "./sqlite-errors";

/**
 * Runs a save and turns a unique-index violation into a conflict on the field at fault. The index
 * is the check (not a read before the write), so two requests saving the same value cannot race.
 */
export function savedUniquely<T>(save: () => T, conflict: { field: string; message: string }): T {
  try {
    return save();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", conflict.message, { field: conflict.field, cause: error });
    }
    throw error;
  }
}
