import { Pagination } from "./pagination";

/** The part of a paged list's answer that says where the page stands. */
interface PagedResult {
  page: number;
  pageSize: number;
  total: number;
}

/** The page links under one page of a paged list's results. */
export function ResultPagination({
  result,
  hrefFor,
}: {
  result: PagedResult;
  hrefFor: (page: number) => string;
}) {
  return (
    <Pagination
      page={result.page}
      pageSize={result.pageSize}
      total={result.total}
      hrefFor={hrefFor}
    />
  );
}
