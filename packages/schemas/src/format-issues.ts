import type * as z from "zod";

/**
 * Turns a zod error into one line per problem, each naming the field it is about,
 * e.g. `workstreams.2.percent: must be at most 100 %`.
 */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path === "" ? issue.message : `${path}: ${issue.message}`;
  });
}
