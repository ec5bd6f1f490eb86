import type { ReactNode } from "react";

/** A GOV.UK table's head: one row of column headers, in order. */
export function TableHead({ headers }: { headers: readonly ReactNode[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {headers.map((header, index) => (
          // The headers are fixed for a table, so their place is their identity.
          <th key={index} scope="col" className="govuk-table__header">
            {header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
