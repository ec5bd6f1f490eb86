import type { ReactNode } from "react";

import { Button } from "../../components/button";
import { Select, type Option } from "../../components/select";
import { TextInput } from "../../components/text-input";

/** One field of a row: a select when it has options, otherwise a text input. */
export interface RowField<Row> {
  /** The row's key it edits, also the last part of its name (`grant-0-amount`). */
  key: keyof Row & string;
  label: string;
  hint?: string;
  className?: string;
  options?: readonly Option[];
}

interface RowListProps<Row> {
  rows: readonly Row[];
  /** The first part of each field's name and error key, as in `grant` for `grant-0-amount`. */
  prefix: string;
  legend: (index: number) => string;
  removeText: (row: Row, index: number) => string;
  fields: readonly RowField<Row>[];
  errorFor: (field: string) => string | undefined;
  onChange: (index: number, change: Partial<Row>) => void;
  onRemove: (index: number) => void;
  /** Anything a row shows after its fields, such as its year grid. */
  children?: (row: Row, index: number) => ReactNode;
}

/**
 * The plan form's repeated rows (partners, grants, reserve drawdowns, carry-forwards,
 * workstreams): each a fieldset of string fields named `<prefix>-<index>-<key>`, with a button
 * that removes it.
 */
export function RowList<Row extends object>({
  rows,
  prefix,
  legend,
  removeText,
  fields,
  errorFor,
  onChange,
  onRemove,
  children,
}: RowListProps<Row>) {
  return rows.map((row, index) => (
    <fieldset key={index} className="govuk-fieldset app-plan-row">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend(index)}</legend>
      {fields.map(({ key, label, hint, className, options }) => {
        const name = `${prefix}-${String(index)}-${key}`;
        const common = {
          label,
          name,
          value: row[key] as string,
          error: errorFor(name),
          ...(hint === undefined ? {} : { hint }),
        };
        const changeTo = (value: string) => onChange(index, { [key]: value } as Partial<Row>);
        return options === undefined ? (
          <TextInput
            key={key}
            {...common}
            {...(className === undefined ? {} : { className })}
            onChange={(event) => changeTo(event.target.value)}
          />
        ) : (
          <Select
            key={key}
            {...common}
            options={options}
            onChange={(event) => changeTo(event.target.value)}
          />
        );
      })}
      {children?.(row, index)}
      <Button type="button" variant="secondary" onClick={() => onRemove(index)}>
        {removeText(row, index)}
      </Button>
    </fieldset>
  ));
}
