import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";

import { londonToday } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { evidenceItems, evidenceRevisions } from "../../db/schema";
import { AppError } from "../../errors";
import type { FileStore } from "../../files/file-store";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { checkedContent } from "./content-check";
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

// A declared length lets an oversize or empty upload be refused before a byte is read.
function assertDeclaredLength(contentLength: string | undefined): void {
  if (contentLength === undefined) return;
  const declared = Number(contentLength);
  if (declared > MAX_EVIDENCE_FILE_BYTES) {
    throw new AppError(
      "payload_too_large",
      `The file is larger than the limit of ${String(MAX_EVIDENCE_FILE_BYTES / (1024 * 1024))} MB`,
      { field: "file" },
    );
  }
  if (declared === 0) throw new AppError("bad_request", "The file is empty", { field: "file" });
}

/**
 * Stores an uploaded file (content-addressed, size-limited, type-checked) as the next revision of
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
  const mediaType = acceptedMediaType(upload.headers["content-type"], named);
  const fileName = withMatchingExtension(named, mediaType);
  assertDeclaredLength(upload.headers["content-length"]);

  const stored = await files.put(checkedContent(upload.body, mediaType), {
    maxBytes: MAX_EVIDENCE_FILE_BYTES,
  });
  // If this transaction fails the stored file is unreferenced; the start-up sweep removes it.
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
