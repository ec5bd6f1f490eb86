import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";

import {
  EvidenceRevisionOutputSchema,
  PackIncludeSchema,
  type PackInclude,
  type Permission,
} from "@dapkit/contract";

import { authorise } from "../auth/authorise";
import type { Context } from "../context";
import { AppError } from "../errors";
import { writeEvidencePack } from "../evidence-pack/write-evidence-pack";
import type { FileStore } from "../files/file-store";
import { recordRead } from "../services/audit/record-read";
import { addEvidenceRevision } from "../services/evidence/add-evidence-revision";
import { loadEvidencePack } from "../services/evidence/load-evidence-pack";
import { londonToday } from "../services/evidence/london-today";
import { openRevisionFile } from "../services/evidence/open-revision-file";
import { MAX_EVIDENCE_FILE_BYTES } from "../services/evidence/upload-policy";
import type { Scope } from "../services/scope";
import type { Route } from "./route";
import { sendJson } from "./send";

// After a refused upload the rest of the body is read and thrown away, so the client has finished
// sending and can read the error; past this many bytes the connection is cut instead.
const DISCARD_LIMIT_BYTES = 2 * MAX_EVIDENCE_FILE_BYTES;

// The same check as every procedure's, named for the audit log by the route's method and path.
function routeScope(ctx: Context, access: Permission, route: string): Scope & { files: FileStore } {
  return { db: ctx.db, user: authorise(ctx, access, route), now: ctx.now(), files: ctx.files };
}

function discardBody(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  req.unpipe();
  return new Promise((resolve) => {
    let discarded = 0;
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT_BYTES) req.destroy();
    });
    req.once("end", resolve);
    req.once("close", resolve);
    req.resume();
  });
}

/** `filename*` (RFC 6266/8187) carries any name; `filename` is a plain-ASCII fallback. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// Files are only ever downloaded, never shown in the tracker's own origin, whatever their type.
function setDownloadHeaders(
  res: ServerResponse,
  file: { mediaType: string; fileName: string },
): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", file.mediaType);
  res.setHeader("Content-Disposition", attachmentDisposition(file.fileName));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
  res.setHeader("Cache-Control", "private, no-store");
}

const uploadRevision: Route = {
  method: "POST",
  pattern: /^\/api\/evidence\/(?<id>[^/]+)\/revisions$/,
  async handle({ req, res, params, ctx }) {
    try {
      const scope = routeScope(ctx, "manageEvidence", "POST /api/evidence/{id}/revisions");
      const revision = await addEvidenceRevision(scope, {
        evidenceId: params.id ?? "",
        body: req,
        headers: req.headers,
      });
      sendJson(res, 201, EvidenceRevisionOutputSchema.parse(revision));
    } catch (error) {
      await discardBody(req);
      throw error;
    }
  },
};

const downloadRevision: Route = {
  method: "GET",
  pattern: /^\/api\/evidence\/revisions\/(?<revisionId>[^/]+)\/file$/,
  async handle({ res, params, ctx }) {
    const scope = routeScope(ctx, "readEvidence", "GET /api/evidence/revisions/{id}/file");
    const { revision, content } = openRevisionFile(scope, { revisionId: params.revisionId ?? "" });
    recordRead(scope.db, {
      user: scope.user,
      at: scope.now,
      source: ctx.request.ip,
      entity: "evidence_file",
      entityId: revision.id,
    });
    setDownloadHeaders(res, revision);
    res.setHeader("Content-Length", String(revision.sizeBytes));
    await pipeline(content, res);
  },
};

// `?include=all` adds the evidence that is not approved; without it, approved evidence only.
function packInclude(url: URL): PackInclude {
  const parsed = PackIncludeSchema.safeParse(url.searchParams.get("include") ?? "approved");
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? "is not valid";
    throw new AppError("bad_request", `include: ${reason}`, { field: "include" });
  }
  return parsed.data;
}

const evidencePack: Route = {
  method: "GET",
  pattern: /^\/api\/evidence\/pack\.zip$/,
  async handle({ res, url, ctx }) {
    const scope = routeScope(ctx, "readEvidence", "GET /api/evidence/pack.zip");
    const include = packInclude(url);
    const data = loadEvidencePack(scope, { include });
    // The audit entry says which pack was made: approved evidence only, or everything.
    recordRead(scope.db, {
      user: scope.user,
      at: scope.now,
      source: ctx.request.ip,
      entity: "evidence_pack",
      entityId: include,
    });
    setDownloadHeaders(res, {
      mediaType: "application/zip",
      fileName: `evidence-pack-${londonToday(scope.now)}.zip`,
    });
    await writeEvidencePack(res, { data, files: scope.files, generatedAt: scope.now });
  },
};

/** The evidence routes: upload a file, download a file, download the evidence pack. */
export const evidenceRoutes: readonly Route[] = [uploadRevision, downloadRevision, evidencePack];
