import { formatCount } from "@dapkit/schemas";

/**
 * Which rows of a paged list are showing ("Showing 51 to 100 of 230 staff"), or `empty` when
 * nothing matches; a status, so a screen reader hears it change with the filters or the page.
 */
export function ResultCount({
  result,
  noun,
  empty,
}: {
  result: { page: number; pageSize: number; total: number };
  noun: string;
  empty: string;
}) {
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  return (
    <p className="govuk-body" role="status">
      {result.total === 0
        ? empty
        : `Showing ${formatCount(first)} to ${formatCount(last)} of ${formatCount(result.total)} ${noun}`}
    </p>
  );
}
