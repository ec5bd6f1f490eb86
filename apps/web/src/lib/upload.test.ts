import { afterEach, expect, test, vi } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { ApiError } from "./api-errors";
import {
  announcedStep,
  progressPercent,
  progressText,
  uploadFile,
  type UploadProgress,
} from "./upload";

test("progress is a whole percentage that never passes 100", () => {
  expect(progressPercent({ loaded: 0, total: 0 })).toBe(0);
  expect(progressPercent({ loaded: 512, total: 1024 })).toBe(50);
  expect(progressPercent({ loaded: 2048, total: 1024 })).toBe(100);
  expect(progressText({ loaded: 1536, total: 3072 })).toBe("Uploading: 50% (1.5 KB of 3.0 KB)");
  expect(progressText({ loaded: 3072, total: 3072 })).toBe("Upload complete. Checking the file…");
});

test("screen readers hear progress in quarters", () => {
  expect(announcedStep({ loaded: 24, total: 100 })).toBe(0);
  expect(announcedStep({ loaded: 26, total: 100 })).toBe(25);
  expect(announcedStep({ loaded: 99, total: 100 })).toBe(75);
  expect(announcedStep({ loaded: 100, total: 100 })).toBe(100);
});

// A stand-in for XMLHttpRequest: records what was sent and lets the test play the server.
class FakeXhr {
  static last: FakeXhr | undefined;
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = "";
  upload: {
    onprogress:
      ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

test("sends the raw file with its type, encoded name and the CSRF header, reporting progress", async () => {
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  const file = new File(["x".repeat(1000)], "Policy – tenants.pdf", { type: "application/pdf" });
  const seen: UploadProgress[] = [];
  const done = uploadFile<{ id: string }>({
    url: "/api/evidence/e1/revisions",
    file,
    onProgress: (p) => seen.push(p),
  });
  const xhr = FakeXhr.last;
  if (xhr === undefined) throw new Error("no request was made");
  expect(xhr.method).toBe("POST");
  expect(xhr.url).toBe("/api/evidence/e1/revisions");
  expect(xhr.headers).toEqual({
    [CSRF_HEADER]: "1",
    "Content-Type": "application/pdf",
    "X-File-Name": "Policy%20%E2%80%93%20tenants.pdf",
  });
  expect(xhr.body).toBe(file);
  xhr.upload.onprogress?.({ loaded: 500, total: 1000, lengthComputable: true });
  xhr.respond(201, { id: "r1" });
  await expect(done).resolves.toEqual({ id: "r1" });
  expect(seen.map(progressPercent)).toEqual([0, 50]);
});

test("turns a refusal into an ApiError with the server's message and field", async () => {
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  const file = new File(["MZ"], "tool.exe", { type: "application/x-msdownload" });
  const done = uploadFile({ url: "/api/evidence/e1/revisions", file, onProgress: () => undefined });
  FakeXhr.last?.respond(415, {
    error: {
      code: "unsupported_media_type",
      message: "Upload a PDF, Word, Excel, CSV, text or image file",
      field: "file",
    },
  });
  const error: unknown = await done.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    status: 415,
    field: "file",
    message: "Upload a PDF, Word, Excel, CSV, text or image file",
  });
});
