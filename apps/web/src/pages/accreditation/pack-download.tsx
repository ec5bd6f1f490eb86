import { useState } from "react";

import { PACK_NOT_APPROVED } from "@dapkit/contract";

import { Button } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { ApiError, formErrorsFrom, GENERIC_MESSAGE } from "../../lib/api-errors";
import { formatBytes } from "../../lib/format";

const PACK_URL = "/api/evidence/pack.zip";

// The pack holds approved, in-date evidence unless the lead asks for everything.
function packUrl(includeAll: boolean): string {
  return includeAll ? `${PACK_URL}?include=all` : PACK_URL;
}

function fileNameOf(response: Response): string {
  const header = response.headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  return encoded === undefined ? "evidence-pack.zip" : decodeURIComponent(encoded);
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError({
      status: response.status,
      code: body.error?.code ?? "error",
      message: body.error?.message ?? GENERIC_MESSAGE,
    });
  } catch {
    return new ApiError({ status: response.status, code: "error", message: GENERIC_MESSAGE });
  }
}

/**
 * "Download evidence pack": the server builds the ZIP as it sends it, which takes a while for a
 * large library, so the page says how much has arrived, then hands the file to the browser. It
 * holds approved, in-date evidence unless "include evidence that is not approved" is ticked.
 */
export function PackDownload() {
  const [includeAll, setIncludeAll] = useState(false);
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    setStatus("Preparing the evidence pack…");
    try {
      const response = await fetch(packUrl(includeAll), { credentials: "same-origin" });
      if (!response.ok || response.body == null) throw await failure(response);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setStatus(`Preparing the evidence pack: ${formatBytes(received)} received…`);
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(`Evidence pack downloaded (${formatBytes(received)}).`);
    } catch (caught) {
      setStatus("");
      setError(formErrorsFrom(caught).form ?? GENERIC_MESSAGE);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govuk-!-margin-bottom-6">
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <Checkbox
            id="pack-include-all"
            name="include"
            value="all"
            checked={includeAll}
            onChange={(event) => setIncludeAll(event.target.checked)}
            label="Include evidence that is not approved"
            hint={`Drafts, evidence in review, rejected and expired evidence are added, each marked “${PACK_NOT_APPROVED}” in the pack.`}
          />
        </div>
      </div>
      <Button type="button" variant="secondary" busy={busy} onClick={() => void download()}>
        Download evidence pack
      </Button>
      <p className="govuk-body" role="status" aria-live="polite">
        {status}
      </p>
      {error == null ? null : (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <p className="govuk-body-s">
        A ZIP file of the approved, in-date evidence with an index, a spreadsheet and a manifest of
        every file, for the DAHA assessor. You can also{" "}
        <a className="govuk-link" href={packUrl(includeAll)} download>
          download it directly
        </a>
        .
      </p>
    </div>
  );
}
