import { useState } from "react";

import { Button } from "../../components/button";
import { ApiError, formErrorsFrom, GENERIC_MESSAGE } from "../../lib/api-errors";
import { formatBytes } from "../../lib/format";

const PACK_URL = "/api/evidence/pack.zip";

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
 * large library, so the page says how much has arrived, then hands the file to the browser.
 */
export function PackDownload() {
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    setStatus("Preparing the evidence pack…");
    try {
      const response = await fetch(PACK_URL, { credentials: "same-origin" });
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
        A ZIP file with an index of every evidence item and its latest files, for the DAHA assessor.
        You can also{" "}
        <a className="govuk-link" href={PACK_URL} download>
          download it directly
        </a>
        .
      </p>
    </div>
  );
}
