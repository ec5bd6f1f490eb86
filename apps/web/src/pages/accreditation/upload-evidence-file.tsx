import { useRef, useState, type FormEvent } from "react";

import { ACCEPTED_EVIDENCE_FILES, MAX_EVIDENCE_FILE_BYTES } from "@dapkit/contract";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { describedBy, ErrorMessage, FormGroup, Hint } from "../../components/field";
import { UploadProgress } from "../../components/upload-progress";
import { formErrorsFrom, type FormErrors } from "../../lib/api-errors";
import { formatBytes } from "../../lib/format";
import { uploadFile, type UploadProgress as Progress } from "../../lib/upload";
import { queryClient, trpc } from "../../trpc";

const HINT = `${ACCEPTED_EVIDENCE_FILES}, up to ${formatBytes(MAX_EVIDENCE_FILE_BYTES)} (your organisation may set a lower limit)`;

/**
 * Choose a file and upload it as the evidence item's next revision, showing progress; `onOutcome`
 * reports the upload (or `null` as a new one starts), for the page's one banner.
 */
export function UploadEvidenceFile({
  evidenceId,
  onOutcome,
}: {
  evidenceId: string;
  onOutcome: (message: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<FormErrors | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    onOutcome(null);
    if (file == null) {
      setErrors({ fields: [{ field: "file", message: "Select a file to upload" }], form: null });
      return;
    }
    setErrors(null);
    try {
      await uploadFile({
        url: `/api/evidence/${encodeURIComponent(evidenceId)}/revisions`,
        file,
        onProgress: setProgress,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
      onOutcome(`${file.name} uploaded (${formatBytes(file.size)})`);
      setFile(null);
      if (input.current != null) input.current.value = "";
    } catch (error) {
      // Every refusal of the upload (size, type, status) is about the file the person chose.
      const found = formErrorsFrom(error, { file: "File" });
      setErrors(
        found.form == null
          ? found
          : { fields: [{ field: "file", message: found.form }], form: null },
      );
    } finally {
      setProgress(null);
    }
  }

  const error = errors?.fields.find((item) => item.field === "file")?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 className="govuk-heading-m">Upload a file</h2>
        <FormGroup error={error}>
          <label className="govuk-label" htmlFor="file">
            Upload a file
          </label>
          <Hint id="file">{HINT}</Hint>
          <ErrorMessage id="file" message={error} />
          <input
            ref={input}
            className={`govuk-file-upload${error === undefined ? "" : " govuk-file-upload--error"}`}
            id="file"
            name="file"
            type="file"
            aria-describedby={describedBy("file", { hint: HINT, error })}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </FormGroup>
        {progress == null ? null : (
          <UploadProgress
            id="upload-progress"
            label={`Uploading ${file?.name ?? "file"}`}
            progress={progress}
          />
        )}
        <Button variant="secondary" busy={progress != null}>
          Upload file
        </Button>
      </form>
    </>
  );
}
