import * as z from "zod";

import { StaffMemberSchema } from "@dapkit/schemas";

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/** A yes/no cell ("yes", "Y", "TRUE", "1" …); blank means `blank`. */
export function yesNoCell(blank: boolean) {
  return z.string().transform((text, ctx) => {
    const value = text.trim().toLowerCase();
    if (value === "") return blank;
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    ctx.addIssue({ code: "custom", input: text, message: "must be yes or no" });
    return z.NEVER;
  });
}

/** A cell that may be left blank (read as null); otherwise it must satisfy `schema`. */
export function blankOr<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .string()
    .transform((text) => (text.trim() === "" ? null : text))
    .pipe(schema.nullable());
}

/** A staff member's employee number, as the staff records hold it. */
export const EmployeeNumberCell = StaffMemberSchema.shape.employeeNumber;

/**
 * A choice typed by a person, read leniently: "Fully attended", "fully-attended" and
 * "FULLY_ATTENDED" all mean fully_attended.
 */
export function choiceCell<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .string()
    .transform((text) =>
      text
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
    )
    .pipe(schema);
}
