import {
  announcedStep,
  progressPercent,
  progressText,
  type UploadProgress as Progress,
} from "../lib/upload";

/**
 * A progress bar with its words beside it. The bar is for sight; the live region announces the
 * words every quarter so a screen reader hears progress without a flood of updates.
 */
export function UploadProgress({
  id,
  label,
  progress,
}: {
  id: string;
  label: string;
  progress: Progress;
}) {
  const percent = progressPercent(progress);
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <progress id={id} className="app-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <p className="govuk-body" aria-hidden="true">
        {progressText(progress)}
      </p>
      <p className="govuk-visually-hidden" role="status" aria-live="polite">
        {`${label}: ${announcedStep(progress)}%`}
      </p>
    </div>
  );
}
