import * as z from "zod";

/** A CSV file to import, as text; a dry run checks it and reports without saving anything. */
export const ImportInputSchema = z.object({
  csv: z.string({ error: "must be the text of a CSV file" }),
  dryRun: z.boolean({ error: "must be true or false" }).default(false),
});

/** What an import did, or would do on a dry run, and every row it refused and why. */
export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  counts: z.object({ created: z.int(), updated: z.int(), unchanged: z.int() }),
  /** The first problems by line (at most 100); `errorCount` says how many there are in all. */
  errors: z.array(z.object({ line: z.int(), column: z.string().nullable(), message: z.string() })),
  errorCount: z.int(),
});

/** A staff import also names the departments it added. */
export const StaffImportResultSchema = ImportResultSchema.extend({
  departmentsCreated: z.array(z.string()),
});
