import { CSRF_HEADERS } from "@dapkit/contract";

import { ApiError, GENERIC_MESSAGE } from "./api-errors";
import { formatBytes } from "./format";

/** How far an upload has got. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** A whole percentage, 0–100, never above 100 and 0 when the size is not known. */
export function progressPercent(progress: UploadProgress): number {
  if (progress.total <= 0) return 0;
  return Math.min(100, Math.floor((progress.loaded / progress.total) * 100));
}

/** The words a screen reader hears and everyone sees: "Uploading: 45% (1.2 MB of 2.6 MB)". */
export function progressText(progress: UploadProgress): string {
  if (progress.total > 0 && progress.loaded >= progress.total) {
    return "Upload complete. Checking the file…";
  }
  return `Uploading: ${progressPercent(progress)}% (${formatBytes(progress.loaded)} of ${formatBytes(progress.total)})`;
}

// A screen reader that announced every progress event would say nothing else; announce each
// quarter only.
/** The progress to announce (in steps of 25%), so live regions stay quiet between steps. */
export function announcedStep(progress: UploadProgress): number {
  return Math.floor(progressPercent(progress) / 25) * 25;
}

function parseError(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as {
      error?: { code?: string; message?: string; field?: string | null };
    };
    if (body.error?.message !== undefined && xhr.status < 500) {
      return new ApiError({
        status: xhr.status,
        code: body.error.code ?? "error",
        message: body.error.message,
        field: body.error.field ?? null,
      });
    }
  } catch {
    // Not JSON: fall through to the general message.
  }
  return new ApiError({ status: xhr.status || 500, code: "error", message: GENERIC_MESSAGE });
}

/**
 * Sends a file as the raw request body, reporting progress. fetch() cannot report upload
 * progress, so this uses XMLHttpRequest. The server reads the name from X-File-Name.
 */
export function uploadFile<T>(options: {
  url: string;
  file: File;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}): Promise<T> {
  const { file } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", options.url);
    for (const [name, value] of Object.entries(CSRF_HEADERS)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Content-Type", file.type === "" ? "application/octet-stream" : file.type);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      options.onProgress({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(parseError(xhr));
        }
      } else {
        reject(parseError(xhr));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: "network", message: GENERIC_MESSAGE }));
    xhr.onabort = () =>
      reject(new ApiError({ status: 0, code: "aborted", message: "The upload was cancelled" }));
    options.signal?.addEventListener("abort", () => xhr.abort());
    options.onProgress({ loaded: 0, total: file.size });
    xhr.send(file);
  });
}
