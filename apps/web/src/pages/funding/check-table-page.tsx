import { useMutation } from "@tanstack/react-query";
import { useState, type ChangeEvent, type FormEvent } from "react";

import { contract } from "@dapkit/contract";
import { formatMoney, TABLE_DIAGNOSIS_LABELS } from "@dapkit/funding";

import { Button, ButtonGroup } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { usePageTitle } from "../../lib/page-title";
import { useFormErrors } from "../../lib/use-form-errors";
import { trpc, type Outputs } from "../../trpc";
import lancashireYear1 from "../../../../../examples/lancashire-year-1-variance.csv?raw";
import "./funding.css";

type Checked = Outputs["funding"]["checkTable"];
type Finding = Checked["findings"][number];

const LABELS = { text: "The table", base64: "The file", totalLabel: "Label of the totals row" };

function expectedWords(finding: Finding): string {
  return finding.unit === "percent"
    ? `${String(finding.expected)}%`
    : formatMoney(finding.expected);
}

// Bytes as base64 for the API, a chunk at a time so a large file does not overflow the stack.
function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The table as read, each cell that does not add up marked with what it should be and why. */
function CheckedTable({ checked }: { checked: Checked }) {
  const [header, ...body] = checked.rows;
  const findingsAt = (line: number, column: number) =>
    checked.findings.filter((finding) => finding.line === line && finding.column === column);
  return (
    <div className="app-table-scroll" role="region" aria-label="The table checked" tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          The table checked
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {header?.cells.map((cell, c) => (
              <th key={c} scope="col" className="govuk-table__header">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {body.map((row) => (
            <tr key={row.line} className="govuk-table__row">
              {row.cells.map((cell, c) => {
                const found = findingsAt(row.line, c);
                const Cell = c === 0 ? "th" : "td";
                return (
                  <Cell
                    key={c}
                    scope={c === 0 ? "row" : undefined}
                    className={`govuk-table__${c === 0 ? "header" : "cell"}${found.length > 0 ? " app-cell-wrong" : ""}`}
                  >
                    {cell}
                    {found.map((finding) => (
                      <span key={finding.diagnosis} className="app-cell-wrong__note">
                        <strong>Should be {expectedWords(finding)}</strong> (
                        {TABLE_DIAGNOSIS_LABELS[finding.diagnosis].toLowerCase()})
                      </span>
                    ))}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Paste or upload a table from a council paper; every cell that does not add up is shown. */
export function CheckTablePage() {
  const [text, setText] = useState("");
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [totalLabel, setTotalLabel] = useState("");
  const errors = useFormErrors(LABELS);
  usePageTitle("Check a council table", { error: errors.invalid });
  const check = useMutation(
    trpc.funding.checkTable.mutationOptions({ onError: errors.fromServer }),
  );

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (chosen === undefined) return;
    if (/\.xlsx$/i.test(chosen.name)) {
      setFile({ name: chosen.name, base64: base64Of(new Uint8Array(await chosen.arrayBuffer())) });
    } else {
      setFile(null);
      setText(await chosen.text());
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const label = totalLabel.trim() === "" ? {} : { totalLabel };
    const input =
      file == null
        ? { format: "text" as const, text, ...label }
        : { format: "xlsx" as const, base64: file.base64, ...label };
    if (errors.validate(contract.funding.checkTable.input, input)) check.mutate(input);
  }

  const checked = check.data;
  return (
    <>
      <BackLink to="/funding">Back to funding plans</BackLink>
      <ErrorSummary errors={errors.errors} />
      <PageHeading caption="Funding">Check a council table</PageHeading>
      <p className="govuk-body">
        Paste a budget, allocation, forecast or variance table from a published paper, or choose a
        CSV or Excel file. Every figure that does not add up is marked with the figure expected and
        why: a row whose variance is not allocation less forecast (row formula), a total that is not
        its column&apos;s sum (column sum), a totals row that does not add up across (totals row),
        or an allocation that is not its percentage of the total (percentage split).
      </p>
      <form onSubmit={submit} noValidate>
        <Textarea
          label={LABELS.text}
          hint="Copied from the paper or a spreadsheet, or as CSV; the first row names the columns"
          name="text"
          rows={8}
          value={text}
          error={errors.errorFor("text")}
          onChange={(event) => {
            setFile(null);
            setText(event.target.value);
          }}
        />
        <ButtonGroup>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setFile(null);
              setText(lancashireYear1);
            }}
          >
            Load the Lancashire Year 1 sample
          </Button>
        </ButtonGroup>
        <div
          className={`govuk-form-group${errors.errorFor("base64") === undefined ? "" : " govuk-form-group--error"}`}
        >
          <label className="govuk-label" htmlFor="table-file">
            Or choose a file (CSV or XLSX, first sheet)
          </label>
          {errors.errorFor("base64") === undefined ? null : (
            <p className="govuk-error-message" id="base64">
              <span className="govuk-visually-hidden">Error:</span> {errors.errorFor("base64")}
            </p>
          )}
          <input
            className="govuk-file-upload"
            id="table-file"
            name="table-file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => void choose(event)}
          />
          {file == null ? null : <p className="govuk-body">Chosen: {file.name}</p>}
        </div>
        <TextInput
          label={`${LABELS.totalLabel} (optional)`}
          hint="Only if the table calls it something other than Total, Totals or Grand total"
          className="govuk-input--width-20"
          name="totalLabel"
          value={totalLabel}
          error={errors.errorFor("totalLabel")}
          onChange={(event) => setTotalLabel(event.target.value)}
        />
        <Button busy={check.isPending}>Check the table</Button>
      </form>
      {checked === undefined ? null : (
        <div aria-live="polite">
          {checked.findings.length === 0 ? (
            <InsetText>Every figure in this table adds up.</InsetText>
          ) : (
            <>
              <h2 className="govuk-heading-m">
                {checked.findings.length === 1
                  ? "1 figure does not add up"
                  : `${String(checked.findings.length)} figures do not add up`}
              </h2>
              <ul className="govuk-list govuk-list--bullet">
                {checked.findings.map((finding) => (
                  <li
                    key={`${String(finding.line)} ${String(finding.column)} ${finding.diagnosis}`}
                  >
                    <strong>{TABLE_DIAGNOSIS_LABELS[finding.diagnosis]}</strong>, line{" "}
                    {finding.line}: {finding.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <CheckedTable checked={checked} />
        </div>
      )}
    </>
  );
}
