import type { PagePosition } from "../lib/search-params";
import { Pagination } from "./pagination";

/** The part of a paged list's answer that says where the page stands. */
interface PagedResult {
  page: number;
  pageSize: number;
  total: number;
  /** Where the next and previous pages start, for lists that page by key. */
  next?: string | null;
  previous?: string | null;
}

/**
 * The page links under one page of a paged list's results. Next and Previous carry the position
 * the list gave, so the server finds those pages by key however deep they are.
 */
export function ResultPagination({
  result,
  hrefFor,
}: {
  result: PagedResult;
  hrefFor: (page: number, at?: PagePosition) => string;
}) {
  const { page, next, previous } = result;
  return (
    <Pagination
      page={page}
      pageSize={result.pageSize}
      total={result.total}
      hrefFor={(number) => hrefFor(number)}
      steps={{
        previous: previous == null ? undefined : hrefFor(page - 1, { before: previous }),
        next: next == null ? undefined : hrefFor(page + 1, { after: next }),
      }}
    />
  );
}
