import type * as z from "zod";

/** The message people see for each problem an input has, by the path of its field. */
export function schemaProblems(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}
