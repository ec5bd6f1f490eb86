import { MoneyCell } from "./money-cell";

/** One row of a grid of amounts by year: its heading, its inputs' id prefix and its values. */
export interface YearGridRow {
  heading: string;
  /** The inputs are `${idPrefix}-${yearIndex}`. */
  idPrefix: string;
  /** What each input is, for screen readers: "Oxford City Council's 2018/19 cash contribution". */
  label: (year: string) => string;
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** A table of money inputs, a column per financial year, as the plan form uses for every amount. */
export function YearGrid({
  caption,
  years,
  rows,
  errorFor,
}: {
  caption: string;
  years: readonly string[];
  rows: readonly YearGridRow[];
  errorFor: (field: string) => string | undefined;
}) {
  return (
    <div className="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <td className="govuk-table__header" />
            {years.map((year) => (
              <th key={year} scope="col" className="govuk-table__header">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={row.idPrefix} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.heading}
              </th>
              {years.map((year, y) => {
                const id = `${row.idPrefix}-${String(y)}`;
                return (
                  <td key={year} className="govuk-table__cell">
                    <MoneyCell
                      id={id}
                      label={row.label(year)}
                      value={row.values[y] ?? ""}
                      error={errorFor(id)}
                      onChange={(value) =>
                        row.onChange(years.map((_, i) => (i === y ? value : (row.values[i] ?? ""))))
                      }
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
