import { Link } from "react-router";

/** The pages to link to: the first, the last, and those around the current one, with gaps. */
export function pageNumbers(current: number, last: number): (number | "gap")[] {
  const wanted = new Set(
    [1, last, current - 1, current, current + 1].filter((page) => page >= 1 && page <= last),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) result.push("gap");
    result.push(page);
  });
  return result;
}

const ARROWS = {
  prev: "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z",
  next: "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z",
};

// "Previous page" and "Next page": the arrow goes before or after the words.
function StepLink({ direction, to }: { direction: "prev" | "next"; to: string }) {
  const icon = (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={ARROWS[direction]} />
    </svg>
  );
  return (
    <div className={`govuk-pagination__${direction}`}>
      <Link className="govuk-link govuk-pagination__link" to={to} rel={direction}>
        {direction === "prev" ? icon : null}
        <span className="govuk-pagination__link-title">
          {direction === "prev" ? "Previous" : "Next"}
          <span className="govuk-visually-hidden"> page</span>
        </span>
        {direction === "next" ? icon : null}
      </Link>
    </div>
  );
}

/**
 * GOV.UK pagination; `hrefFor` builds each page's address so filters are kept. `steps` gives the
 * Previous and Next links' own addresses, when they differ from the numbered pages'.
 */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
  steps = {},
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  steps?: { previous?: string | undefined; next?: string | undefined };
}) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last === 1) return null;
  return (
    <nav className="govuk-pagination" aria-label="Pagination">
      {page > 1 ? <StepLink direction="prev" to={steps.previous ?? hrefFor(page - 1)} /> : null}
      <ul className="govuk-pagination__list">
        {pageNumbers(page, last).map((item, index) =>
          item === "gap" ? (
            <li
              className="govuk-pagination__item govuk-pagination__item--ellipses"
              key={`gap-${index}`}
            >
              {/* GOV.UK's ellipsis, U+22EF: JSX knows no "&ctdot;", so it would show as typed. */}
              {"⋯"}
            </li>
          ) : (
            <li
              className={`govuk-pagination__item${item === page ? " govuk-pagination__item--current" : ""}`}
              key={item}
            >
              <Link
                className="govuk-link govuk-pagination__link"
                to={hrefFor(item)}
                aria-label={`Page ${item}`}
                aria-current={item === page ? "page" : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < last ? <StepLink direction="next" to={steps.next ?? hrefFor(page + 1)} /> : null}
    </nav>
  );
}
