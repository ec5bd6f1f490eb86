import type { ServerResponse } from "node:http";

import { authorise } from "../auth/authorise";
import type { AppDeps } from "../context";
import { AppError } from "../errors";
import { scopeOf } from "../services/scope";
import {
  certificatePdf,
  signInSheetPdf,
  verifyCertificate,
} from "../services/training/training-documents";
import type { Route } from "./route";
import { sendError } from "./send";

/**
 * The secret certificate codes are signed with. The database holds none, so it comes from the
 * environment, read at start; without it the service makes no certificates rather than unsafe ones.
 */
function certificateSecret(deps: AppDeps): string {
  const secret = deps.certificateSecret;
  if (secret === undefined) {
    throw new AppError(
      "conflict",
      "Certificates are switched off: set DAPKIT_CERTIFICATE_SECRET to at least 32 random characters",
    );
  }
  return secret;
}

function sendPdf(res: ServerResponse, body: Uint8Array, fileName: string): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("Content-Disposition", `attachment; filename="${fileName}"`);
  res.setHeader("Content-Length", body.byteLength);
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

function verifyPage(found: { staffName: string; courseTitle: string; date: string } | null) {
  const body =
    found == null
      ? `<h1>This certificate is not genuine</h1><p>No certificate matches this code. Check it was typed exactly as printed.</p>`
      : `<h1>This certificate is genuine</h1><dl><dt>Name</dt><dd>${escapeHtml(found.staffName)}</dd><dt>Course</dt><dd>${escapeHtml(found.courseTitle)}</dd><dt>Date</dt><dd>${escapeHtml(found.date)}</dd></dl>`;
  const title = found == null ? "Certificate not genuine" : "Certificate genuine";
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – dapkit</title></head><body><main>${body}</main></body></html>`;
}

/** The trainer's sign-in sheet, the attendee's certificate, and the public check of a certificate. */
export const trainingDocumentRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: /^\/api\/sessions\/(?<sessionId>[^/]{1,64})\/sign-in-sheet\.pdf$/,
    async handle({ res, params, ctx }) {
      try {
        const user = authorise(ctx, "readTraining", "GET sign-in sheet");
        if (user == null) throw new AppError("unauthorised", "Sign in first");
        const body = await signInSheetPdf(scopeOf({ ...ctx, user }), params.sessionId ?? "");
        sendPdf(res, body, "sign-in-sheet.pdf");
      } catch (error) {
        sendError(res, error);
      }
    },
  },
  {
    method: "GET",
    pattern: /^\/api\/nominations\/(?<nominationId>[^/]{1,64})\/certificate\.pdf$/,
    async handle({ res, params, ctx }) {
      try {
        const user = authorise(ctx, "readTraining", "GET certificate");
        if (user == null) throw new AppError("unauthorised", "Sign in first");
        const body = await certificatePdf(scopeOf({ ...ctx, user }), {
          nominationId: params.nominationId ?? "",
          secret: () => certificateSecret(ctx),
        });
        sendPdf(res, body, "certificate.pdf");
      } catch (error) {
        sendError(res, error);
      }
    },
  },
  {
    method: "GET",
    pattern: /^\/verify\/(?<code>[^/]{1,120})$/,
    handle({ res, params, ctx }) {
      try {
        authorise(ctx, "public", "GET verify certificate");
        const found = verifyCertificate(ctx.db, {
          code: decodeURIComponent(params.code ?? ""),
          secret: certificateSecret(ctx),
        });
        res.statusCode = found == null ? 404 : 200;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.end(verifyPage(found));
      } catch (error) {
        sendError(res, error);
      }
      return Promise.resolve();
    },
  },
];
