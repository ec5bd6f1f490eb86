import type { RefObject } from "react";

import { csvFileName, saveText, tableToCsv } from "../lib/table-csv";

/** The address of a server export; `query` carries the filters an export accepts (empty ones left out). */
export function exportUrl(
  name: string,
  format: "csv" | "xlsx" = "csv",
  query: Readonly<Record<string, string | undefined>> = {},
) {
  const given = Object.entries(query).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
  );
  const search = new URLSearchParams(given).toString();
  return `/api/export/${name}.${format}${search === "" ? "" : `?${search}`}`;
}

/** "Download as CSV" (and Excel) from the server's export of the whole list. */
export function DownloadLink({
  name,
  description,
  query,
}: {
  name: string;
  description?: string | undefined;
  query?: Readonly<Record<string, string | undefined>>;
}) {
  const which =
    description === undefined ? null : (
      <span className="govuk-visually-hidden"> ({description})</span>
    );
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={exportUrl(name, "csv", query)} download>
        Download as CSV{which}
      </a>
      {" or "}
      <a className="govuk-link" href={exportUrl(name, "xlsx", query)} download>
        as an Excel spreadsheet{which}
      </a>
    </p>
  );
}

/** "Download as CSV" for a table the server has no export for: the table as shown. */
export function TableCsvLink({
  table,
  caption,
}: {
  table: RefObject<HTMLTableElement | null>;
  caption: string;
}) {
  return (
    <p className="govuk-body">
      <button
        type="button"
        className="govuk-link app-link-button"
        onClick={() => {
          if (table.current != null) saveText(csvFileName(caption), tableToCsv(table.current));
        }}
      >
        Download as CSV<span className="govuk-visually-hidden"> ({caption})</span>
      </button>
    </p>
  );
}
