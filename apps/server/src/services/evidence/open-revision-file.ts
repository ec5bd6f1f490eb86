import type { Readable } from "node:stream";

import { AppError } from "../../errors";
import type { FileStore } from "../../files/file-store";
import { log } from "../../log";
import type { Scope } from "../scope";
import type { EvidenceRevisionOutput } from "@dapkit/contract";
import { getRevision } from "./evidence-queries";

/** One of the organisation's uploaded files: its metadata and a stream of its contents. */
export function openRevisionFile(
  scope: Scope & { files: FileStore },
  input: { revisionId: string },
): { revision: EvidenceRevisionOutput; content: Readable } {
  const revision = getRevision(scope.db, {
    organisationId: scope.user.organisationId,
    revisionId: input.revisionId,
  });
  if (!scope.files.has(revision.sha256)) {
    log.error("evidence file missing from storage", { revisionId: revision.id });
    throw new AppError("not_found", "The file for this revision is missing from storage");
  }
  return { revision, content: scope.files.read(revision.sha256) };
}
