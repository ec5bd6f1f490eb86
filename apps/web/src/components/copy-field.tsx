import { useState } from "react";

import { Button } from "./button";

/**
 * A secret shown once (a single-use link, an API token): read-only, selected whole when focused,
 * with a button that copies it and says so to screen readers.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="govuk-input govuk-!-margin-bottom-4"
        readOnly
        value={value}
        spellCheck={false}
        autoComplete="off"
        onFocus={(event) => event.target.select()}
      />
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        Copy {label.toLowerCase()}
      </Button>
      <p className="govuk-body" role="status">
        {copied ? `${label} copied` : ""}
      </p>
    </>
  );
}
