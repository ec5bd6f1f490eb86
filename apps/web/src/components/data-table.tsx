import { useId, useRef, type ReactNode } from "react";

import { DownloadLink, TableCsvLink } from "./download-link";

/** One column of a table. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligned figures (GOV.UK numeric cells). */
  numeric?: boolean;
  /** The first column names the row: it becomes a row header for screen readers. */
  rowHeader?: boolean;
  /** Leave the column out of a CSV made from the table (action buttons). */
  notExported?: boolean;
}

/**
 * A wide table's frame: on a narrow screen (375 pixels) the table scrolls sideways inside it
 * rather than widening the page. Keyboard users reach it with Tab and scroll with the arrow keys,
 * and screen readers hear it named by the table's caption.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A GOV.UK table with a caption, scoped headers, an empty message and "Download as CSV" below:
 * the server's export of the whole list when there is one, otherwise the table as shown.
 */
export function DataTable<T>({
  caption,
  captionSize = "m",
  columns,
  rows,
  rowKey,
  empty = "There is nothing to show yet.",
  exportName,
  downloadable = true,
}: {
  caption: ReactNode;
  captionSize?: "s" | "m" | "l" | "visually-hidden";
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /** The server export's name (`/api/export/<name>.csv`). */
  exportName?: string;
  /** False for tables too small to be worth downloading (a record's own details). */
  downloadable?: boolean;
}) {
  const table = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const captionClass =
    captionSize === "visually-hidden"
      ? "govuk-visually-hidden"
      : `govuk-table__caption govuk-table__caption--${captionSize}`;
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="govuk-table" ref={table}>
          <caption className={captionClass} id={captionId}>
            {caption}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {columns.map((column, index) => (
                <th
                  scope="col"
                  key={index}
                  data-csv-skip={column.notExported === true ? "" : undefined}
                  className={`govuk-table__header${column.numeric === true ? " govuk-table__header--numeric" : ""}`}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={columns.length}>
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr className="govuk-table__row" key={rowKey(row)}>
                  {columns.map((column, index) => {
                    const className = `govuk-table__${column.rowHeader === true ? "header" : "cell"}${column.numeric === true ? ` govuk-table__${column.rowHeader === true ? "header" : "cell"}--numeric` : ""}`;
                    return column.rowHeader === true ? (
                      <th scope="row" className={className} key={index}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td className={className} key={index}>
                        {column.cell(row)}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
      {!downloadable || rows.length === 0 ? null : exportName === undefined ? (
        <TableCsvLink table={table} caption={typeof caption === "string" ? caption : "table"} />
      ) : (
        <DownloadLink
          name={exportName}
          description={typeof caption === "string" ? caption : undefined}
        />
      )}
    </>
  );
}
