import * as z from "zod";

/** The most rows one page may hold: a whole register, yet quick to send and draw. */
export const MAX_PAGE_SIZE = 200;

const wholeNumber = { error: "must be a whole number" };

/** Which page of a list to return; lists take these alongside their filters. */
export const PageInputSchema = z.object({
  page: z.int(wholeNumber).min(1, "must be at least 1").default(1),
  pageSize: z
    .int(wholeNumber)
    .min(1, "must be at least 1")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(50),
});

/** A validated page request. */
export type PageRequest = z.output<typeof PageInputSchema>;

/** One page of a list, with the number of rows that match across every page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The output schema of a paginated list of `item`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
  });
}

/** The LIMIT and OFFSET of a page. */
export function pageWindow(request: PageRequest): { limit: number; offset: number } {
  return { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
}

/** Wraps the rows of one page with the total and the request it answers. */
export function pageOf<T>(request: PageRequest, result: { items: T[]; total: number }): Page<T> {
  return { ...result, page: request.page, pageSize: request.pageSize };
}
