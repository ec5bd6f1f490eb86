import type { IncomingHttpHeaders } from "node:http";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";

import { eq } from "drizzle-orm";

import { londonToday } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { evidenceItems, evidenceRevisions, organisations } from "../../db/schema";
import { AppError } from "../../errors";
import type { FileStore } from "../../files/file-store";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { detectContent } from "./content-check";
import { assertEditable } from "./evidence-rules";
import type { EvidenceRevisionOutput } from "@dapkit/contract";
import {
  getRevision,
  getStoredEvidence,
  isEvidenceItem,
  latestRevisionNumber,
  withStatusOn,
  type EvidenceKey,
} from "./evidence-queries";
import { fileNameFromHeader } from "./safe-file-name";
import { acceptedMediaType, MAX_EVIDENCE_FILE_BYTES, withMatchingExtension } from "./upload-policy";

/** An upload as it arrives: the request body is the file; headers describe it. */
export interface EvidenceUpload {
  evidenceId: string;
  body: Readable;
  headers: Pick<IncomingHttpHeaders, "content-type" | "content-length"> & {
    "x-file-name"?: string | string[] | undefined;
  };
}

function assertAcceptsFiles(db: Queryable, options: { key: EvidenceKey; today: string }): void {
  assertEditable(withStatusOn(getStoredEvidence(db, options.key), options.today).status);
}

const MEGABYTE = 1024 * 1024;

/** The organisation's own limit on an evidence file, in bytes (never above the service's). */
function fileLimitBytes(db: Queryable, organisationId: string): number {
  const row = db
    .select({ megabytes: organisations.maxEvidenceFileMegabytes })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  return Math.min(MAX_EVIDENCE_FILE_BYTES, (row?.megabytes ?? 0) * MEGABYTE);
}

/** The refusal of a file over the limit, naming it in megabytes. */
function tooLarge(limitBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The file is larger than the limit of ${String(limitBytes / MEGABYTE)} MB`,
    { field: "file" },
  );
}

// A declared length lets an oversize or empty upload be refused before a byte is read.
function assertDeclaredLength(contentLength: string | undefined, limitBytes: number): void {
  if (contentLength === undefined) return;
  const declared = Number(contentLength);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  if (declared === 0) throw new AppError("bad_request", "The file is empty", { field: "file" });
}

/**
 * The media type of a stored upload, decided by its contents; a refused file is removed at once
 * unless another revision already holds the same contents. (A file orphaned any other way is
 * removed by the start-up sweep.)
 */
async function acceptStored(
  db: Queryable,
  stored: { files: FileStore; sha256: string },
  declared: { contentType: string | undefined; fileName: string },
): Promise<string> {
  const path = stored.files.pathOf(stored.sha256);
  try {
    return acceptedMediaType(await detectContent(path), declared);
  } catch (error) {
    const kept = db
      .select({ id: evidenceRevisions.id })
      .from(evidenceRevisions)
      .where(eq(evidenceRevisions.sha256, stored.sha256))
      .get();
    if (kept === undefined) await rm(path, { force: true });
    throw error;
  }
}

/**
 * Stores an uploaded file (content-addressed, size-limited, its type decided by its contents) as
 * the next revision of
 * a draft or rejected evidence item. The audit log records the file's metadata, never its contents.
 */
export async function addEvidenceRevision(
  scope: Scope & { files: FileStore },
  upload: EvidenceUpload,
): Promise<EvidenceRevisionOutput> {
  const { db, user, now, files } = scope;
  const key = { organisationId: user.organisationId, id: upload.evidenceId };
  const today = londonToday(now);
  assertAcceptsFiles(db, { key, today });
  const named = fileNameFromHeader(upload.headers["x-file-name"]);
  const limitBytes = fileLimitBytes(db, user.organisationId);
  assertDeclaredLength(upload.headers["content-length"], limitBytes);

  const stored = await files.put(upload.body, { maxBytes: limitBytes });
  // The whole file is inspected where it is stored, so memory stays small whatever it holds.
  const mediaType = await acceptStored(
    db,
    { files, sha256: stored.sha256 },
    {
      contentType: upload.headers["content-type"],
      fileName: named,
    },
  );
  const fileName = withMatchingExtension(named, mediaType);
  return db.transaction((tx) => {
    // Checked again: the item may have been sent for review while the file was arriving.
    assertAcceptsFiles(tx, { key, today });
    const id = newId();
    const at = now.toISOString();
    tx.insert(evidenceRevisions)
      .values({
        id,
        organisationId: key.organisationId,
        evidenceId: key.id,
        revision: latestRevisionNumber(tx, key) + 1,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        mediaType,
        fileName,
        uploadedBy: user.id,
        uploadedAt: at,
      })
      .run();
    tx.update(evidenceItems).set({ updatedAt: at }).where(isEvidenceItem(key)).run();
    const revision = getRevision(tx, { organisationId: key.organisationId, revisionId: id });
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "upload",
      entity: "evidence_revision",
      entityId: id,
      after: revision,
    });
    return revision;
  });
}
