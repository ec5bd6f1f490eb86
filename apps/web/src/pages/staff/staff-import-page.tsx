import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { plural } from "@dapkit/schemas";

import { Button, ButtonGroup } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { describedBy, ErrorMessage, FormGroup, Hint } from "../../components/field";
import {
  BackLink,
  Details,
  InsetText,
  PageHeading,
  WarningText,
} from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import type { FormErrors } from "../../lib/api-errors";
import { useNavigateWithFlash } from "../../lib/flash";
import { formatBytes, sentenceCase } from "../../lib/format";
import { usePageTitle } from "../../lib/page-title";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type ImportResult = Outputs["staff"]["importCsv"];

const HINT = "A CSV file exported from your HR system, up to 32 MB";
const COLUMNS =
  "employee_number, name, email, job_title, department, manager_employee_number, active";

function Preview({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { counts } = result;
  return (
    <>
      <h2 className="govuk-heading-m">What the file would change</h2>
      <SummaryList
        rows={[
          { key: "File", value: fileName },
          { key: "New staff", value: String(counts.created) },
          { key: "Changed staff", value: String(counts.updated) },
          { key: "Already up to date", value: String(counts.unchanged) },
          {
            key: "New departments",
            value:
              result.departmentsCreated.length === 0
                ? "None"
                : result.departmentsCreated.join(", "),
          },
        ]}
      />
      {result.errors.length === 0 ? null : (
        <>
          <WarningText>
            The file has {plural(result.errorCount, "problem")}
            {result.errorCount > result.errors.length
              ? ` (the first ${String(result.errors.length)} are listed)`
              : ""}
            . Nothing will be saved until every problem is put right.
          </WarningText>
          <DataTable
            caption={`Problems in ${fileName}`}
            rows={result.errors}
            rowKey={(row) => `${row.line}-${row.column ?? ""}-${row.message}`}
            columns={[
              { header: "Line", numeric: true, rowHeader: true, cell: (row) => row.line },
              { header: "Column", cell: (row) => row.column ?? "Whole row" },
              { header: "Problem", cell: (row) => sentenceCase(row.message) },
            ]}
          />
        </>
      )}
    </>
  );
}

export function StaffImportPage() {
  const flash = useNavigateWithFlash();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [reading, setReading] = useState(false);
  const form = useFormErrors({ csv: "File", file: "File" });
  usePageTitle("Import staff", { error: form.invalid });

  const check = useMutation(
    trpc.staff.importCsv.mutationOptions({
      onSuccess: (result) => setPreview(result),
      onError: (error) => {
        setPreview(null);
        form.fromServer(error);
      },
    }),
  );
  const save = useMutation(
    trpc.staff.importCsv.mutationOptions({
      onSuccess: async (result) => {
        if (!result.written) {
          setPreview(result);
          return;
        }
        await queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
        const { created, updated, unchanged } = result.counts;
        flash(
          "/staff",
          `Staff imported: ${created} added, ${updated} changed, ${unchanged} already up to date`,
        );
      },
      onError: form.fromServer,
    }),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPreview(null);
    if (file == null) {
      form.check([{ field: "file", message: "Select a CSV file" }]);
      return;
    }
    form.clear();
    setReading(true);
    try {
      const text = await file.text();
      setCsv(text);
      // A dry run: the server checks every row and reports, saving nothing.
      check.mutate({ csv: text, dryRun: true });
    } finally {
      setReading(false);
    }
  }

  const busy = reading || check.isPending;
  const fieldError = form.errorFor("file") ?? form.errorFor("csv");
  const errors: FormErrors | null =
    form.errors == null
      ? null
      : {
          ...form.errors,
          fields: form.errors.fields.map((error) => ({ ...error, field: "file" })),
        };
  return (
    <>
      <BackLink to="/staff">Back to staff</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Staff">Import staff from a CSV file</PageHeading>
      <p className="govuk-body">
        Add new staff and update existing staff in one go. You will see what the file would change,
        and every problem in it, before anything is saved.
      </p>
      <Details summary="What the file must contain">
        <p className="govuk-body">A header row with these columns, in any order:</p>
        <p className="govuk-body">
          <code>{COLUMNS}</code>
        </p>
        <p className="govuk-body">
          Staff are matched by employee number. Departments that do not exist yet are added. Use yes
          or no in the active column; leave it empty for current staff.
        </p>
        <p className="govuk-body">
          In a partnership, add an <code>agency</code> column naming the agency each person works
          for, exactly as it is on the agencies page (capital letters do not matter). Every person
          needs one.
        </p>
      </Details>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormGroup error={fieldError}>
          <label className="govuk-label govuk-label--s" htmlFor="file">
            Upload a CSV file
          </label>
          <Hint id="file">{HINT}</Hint>
          <ErrorMessage id="file" message={fieldError} />
          <input
            className={`govuk-file-upload${fieldError === undefined ? "" : " govuk-file-upload--error"}`}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={describedBy("file", { hint: HINT, error: fieldError })}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </FormGroup>
        <Button variant="secondary" busy={busy}>
          Check the file
        </Button>
        <p className="govuk-body" role="status" aria-live="polite">
          {busy && file != null ? `Checking ${file.name} (${formatBytes(file.size)})…` : ""}
        </p>
      </form>
      {preview == null || file == null ? null : (
        <>
          <Preview result={preview} fileName={file.name} />
          {preview.errors.length === 0 && csv != null ? (
            <>
              <InsetText>Nothing has been saved yet.</InsetText>
              <ButtonGroup>
                <Button
                  type="button"
                  busy={save.isPending}
                  onClick={() => save.mutate({ csv, dryRun: false })}
                >
                  Confirm and import
                </Button>
              </ButtonGroup>
              <p className="govuk-body" role="status" aria-live="polite">
                {save.isPending ? "Importing staff…" : ""}
              </p>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
