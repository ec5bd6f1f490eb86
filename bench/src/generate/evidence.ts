import { Readable } from "node:stream";

import { counter } from "../progress";
import { weighted } from "../random";
import {
  addEvidenceRevision,
  createEvidence,
  transitionEvidence,
  type AppDeps,
  type Scope,
  type SessionUser,
} from "../server";
import { addDays, BENCH_NOW } from "./clock";

const AREAS = [
  "policies-and-procedures",
  "staff-development",
  "partnerships",
  "safety-led-case-management",
  "victim-survivor-led-support",
  "intersectionality-and-anti-racist-practice",
  "perpetrator-accountability",
  "publicity-and-awareness-raising",
] as const;

const KINDS = [
  "policy",
  "procedure",
  "case_audit",
  "training_record",
  "partnership_agreement",
  "publicity",
] as const;

type Fate = "draft" | "in_review" | "approved" | "rejected";

/** What the evidence generator needs: storage, the accreditation lead, and how much to make. */
export interface EvidenceContext {
  deps: AppDeps;
  lead: SessionUser;
  /** Who decides on the items: not the lead who added them, as separation of duties requires. */
  approver: SessionUser;
  items: number;
  random: () => number;
  /** Bytes of each uploaded file: a few hundred for readiness, more for a realistic pack. */
  fileBytes: number;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// A plain-text file whose content is unique to the item, so every file is stored separately.
function fileFor(title: string, bytes: number): Buffer {
  const line = `${title}: minutes, action log and sign-off sheet for the DAHA assessor.\n`;
  return Buffer.from(line.repeat(Math.max(1, Math.ceil(bytes / line.length))).slice(0, bytes));
}

async function upload(
  scope: Scope & { files: AppDeps["files"] },
  file: { id: string; body: Buffer; title: string },
) {
  const { id, body, title } = file;
  await addEvidenceRevision(scope, {
    evidenceId: id,
    body: Readable.from([body]),
    headers: {
      "content-type": "text/plain",
      "content-length": String(body.length),
      "x-file-name": encodeURIComponent(`${title}.txt`),
    },
  });
}

/**
 * Adds evidence items across the eight DAHA priority areas through the evidence services: about a
 * third left as drafts, the rest with a file uploaded and sent for review, most of those approved
 * (some since expired) and a few rejected, with effective, review and expiry dates spread over
 * the last three years.
 */
export async function generateEvidence(context: EvidenceContext): Promise<void> {
  const progress = counter("evidence items", context.items);
  for (let i = 0; i < context.items; i += 1) {
    const effective = addDays(BENCH_NOW, -Math.floor(context.random() * 1_000) - 30);
    const expiry = addDays(effective, 365 + Math.floor(context.random() * 900));
    const review = addDays(effective, 180 + Math.floor(context.random() * 360));
    // Approved before its expiry, so evidence now past its expiry reads as expired.
    const lead: Scope = { db: context.deps.db, user: context.lead, now: addDays(effective, 1) };
    const title = `Evidence ${String(i + 1)}`;
    const item = createEvidence(lead, {
      areaId: AREAS[i % AREAS.length] ?? AREAS[0],
      title,
      kind: KINDS[i % KINDS.length] ?? KINDS[0],
      owner: "Domestic Abuse Partnership Manager",
      effectiveDate: isoDay(effective),
      reviewDate: isoDay(review),
      expiryDate: isoDay(expiry),
    });
    const fate = weighted<Fate>(context.random, [
      ["draft", 30],
      ["in_review", 10],
      ["approved", 55],
      ["rejected", 5],
    ]);
    if (fate !== "draft") {
      await upload(
        { ...lead, files: context.deps.files },
        { id: item.id, body: fileFor(title, context.fileBytes), title },
      );
      transitionEvidence(lead, { id: item.id, to: "in_review", note: "Ready for review" });
      if (fate === "approved" || fate === "rejected") {
        const note = fate === "approved" ? "Meets the standard" : "Needs the signed version";
        transitionEvidence({ ...lead, user: context.approver }, { id: item.id, to: fate, note });
      }
    }
    progress(i + 1);
  }
}
