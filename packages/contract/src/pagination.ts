import * as z from "zod";

/** The most rows one page may hold: a whole register, yet quick to send and draw. */
export const MAX_PAGE_SIZE = 200;

const wholeNumber = { error: "must be a whole number" };

// 0 to N − 1 as a union of literals, built one number at a time (tail-recursive, so N = 201 is fine).
type Below<N extends number, Counted extends number[] = []> = Counted["length"] extends N
  ? Counted[number]
  : Below<N, [...Counted, Counted["length"]]>;

/** A page size the tracker accepts, 1 to {@link MAX_PAGE_SIZE}: `pageSize: 500` fails to compile. */
export type PageSize = Exclude<Below<201>, 0>;

// The checks run as before; the cast only narrows the type that clients see from number to PageSize.
const PageSizeSchema = z
  .int(wholeNumber)
  .min(1, "must be at least 1")
  .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`) as unknown as z.ZodType<
  PageSize,
  PageSize
>;

/**
 * Where a page starts or ends in a list, as the list's last answer gave it (`next`, `previous`):
 * the key of a row, so the page is found by key however deep it lies, not by counting past every
 * row before it. Opaque to clients.
 */
export const CursorSchema = z
  .string()
  .max(1_000, "must be at most 1,000 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "must be a position the list gave");

/**
 * Which page of a list to return; lists take these alongside their filters. `page` numbers the
 * page for people (and, alone, finds it by counting); with `after` (the `next` of the page before)
 * or `before` (the `previous` of the page after), the page is found by key.
 */
export const PageInputSchema = z.object({
  page: z.int(wholeNumber).min(1, "must be at least 1").default(1),
  pageSize: PageSizeSchema.default(50),
  after: CursorSchema.optional(),
  before: CursorSchema.optional(),
});

/**
 * Words a list is narrowed to (part of a name, a number or a title, as each list says), trimmed,
 * at most 200 characters; an empty one narrows nothing.
 */
export const SearchTermSchema = z
  .string({ error: "must be text" })
  .trim()
  .max(200, "must be at most 200 characters");

/** A validated page request. */
export type PageRequest = z.output<typeof PageInputSchema>;

/**
 * The output schema of a paginated list of `item`: one page, the rows that match in all, and the
 * positions to ask for the next and previous pages by (null where there is none, or where the list
 * pages only by number).
 */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
  });
}
