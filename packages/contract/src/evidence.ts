import * as z from "zod";

import {
  EvidenceItemSchema,
  EvidenceStatusSchema,
  IdSchema,
  type EvidenceStatus,
  IsoDateSchema,
  IsoDateTimeSchema,
  NoteSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";
import { PageInputSchema, pageSchema, SearchTermSchema } from "./pagination";

const fields = EvidenceItemSchema.shape;

/**
 * The largest evidence file the service accepts: 20 MB, ample for a scanned policy or a slide
 * deck. An organisation may set a lower limit of its own.
 */
export const MAX_EVIDENCE_FILE_MEGABYTES = 20;

/** The service's ceiling in bytes. */
export const MAX_EVIDENCE_FILE_BYTES = MAX_EVIDENCE_FILE_MEGABYTES * 1024 * 1024;

/** The kinds of file evidence may be, as the upload page and a refused upload name them. */
export const ACCEPTED_EVIDENCE_FILES =
  "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text, email (.eml), PNG, JPEG, GIF or WebP";

/** A new evidence item; it starts as a draft. */
export const CreateEvidenceInputSchema = z.object({
  areaId: fields.areaId,
  title: fields.title,
  kind: fields.kind,
  owner: fields.owner,
  effectiveDate: fields.effectiveDate,
  reviewDate: fields.reviewDate.default(null),
  expiryDate: fields.expiryDate.default(null),
});

/** The fields of an evidence item a person may change; its status changes only by `transition`. */
export const UpdateEvidenceInputSchema = z.object({
  id: IdSchema,
  data: z.object({
    areaId: fields.areaId.optional(),
    title: fields.title.optional(),
    kind: fields.kind.optional(),
    owner: fields.owner.optional(),
    effectiveDate: fields.effectiveDate.optional(),
    reviewDate: fields.reviewDate.optional(),
    expiryDate: fields.expiryDate.optional(),
  }),
});

/**
 * Which evidence to list (one area, one status as it stands today, words in the title: any of
 * them), and which page.
 */
export const ListEvidenceInputSchema = PageInputSchema.extend({
  areaId: IdSchema.optional(),
  status: EvidenceStatusSchema.optional(),
  search: SearchTermSchema.optional(),
}).prefault({});

/**
 * The decisions that take evidence out of use, each with what to say when its reason is missing:
 * the reason is kept in the history for the owner and the assessor.
 */
export const TRANSITION_REASON_REQUIRED: Readonly<Partial<Record<EvidenceStatus, string>>> = {
  rejected: "Enter why the evidence is rejected",
  expired: "Enter why the evidence is marked as expired",
};

/**
 * Which evidence an evidence pack holds: `approved` (the default) is approved, in-date evidence
 * approved by someone other than its author; `all` adds every other item, each marked with
 * `PACK_NOT_APPROVED`. Sent as the `include` query parameter of `GET /api/evidence/pack.zip`.
 */
export const PackIncludeSchema = z.enum(["approved", "all"], {
  error: "must be approved or all",
});
export type PackInclude = z.infer<typeof PackIncludeSchema>;

/** The mark on every page and row of an evidence pack for an item that is not approved. */
export const PACK_NOT_APPROVED = "Not approved";

/** Moves an evidence item to a new status, with a note (required when rejecting or expiring). */
export const TransitionEvidenceInputSchema = z
  .object({
    id: IdSchema,
    to: EvidenceStatusSchema,
    note: NoteSchema.default(""),
  })
  .superRefine((input, context) => {
    const missing = TRANSITION_REASON_REQUIRED[input.to];
    if (missing !== undefined && input.note === "") {
      context.addIssue({ code: "custom", path: ["note"], message: missing });
    }
  });

/** One uploaded file of an evidence item: metadata only, never the contents. */
export const EvidenceRevisionOutputSchema = z.object({
  id: IdSchema,
  evidenceId: IdSchema,
  revision: z.int(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedAt: IsoDateTimeSchema,
  uploadedBy: IdSchema,
  uploadedByName: z.string(),
});

/** One entry of an evidence item's status history. */
export const EvidenceEventOutputSchema = z.object({
  id: z.int(),
  status: EvidenceStatusSchema,
  at: IsoDateTimeSchema,
  byUserId: IdSchema,
  byName: z.string(),
  note: z.string(),
});

/**
 * An evidence item: `status` is where it stands today (approved evidence past its expiry date
 * reads as expired); `recordedStatus` is the status last set in the workflow.
 */
export const EvidenceItemOutputSchema = z.object({
  id: IdSchema,
  frameworkId: IdSchema,
  areaId: IdSchema,
  title: z.string(),
  kind: fields.kind,
  owner: z.string(),
  effectiveDate: IsoDateSchema,
  reviewDate: IsoDateSchema.nullable(),
  expiryDate: IsoDateSchema.nullable(),
  status: EvidenceStatusSchema,
  recordedStatus: EvidenceStatusSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** An evidence item in a list, with its newest file and how many files it has had. */
export const EvidenceSummaryOutputSchema = EvidenceItemOutputSchema.extend({
  revisionCount: z.int(),
  latestRevision: EvidenceRevisionOutputSchema.nullable(),
});

/** An evidence item with every file (newest first) and its status history (oldest first). */
export const EvidenceDetailOutputSchema = EvidenceItemOutputSchema.extend({
  revisions: z.array(EvidenceRevisionOutputSchema),
  history: z.array(EvidenceEventOutputSchema),
});

/** The framework an organisation collects evidence against. */
export const FrameworkOutputSchema = z.object({
  id: IdSchema,
  version: z.string(),
  name: z.string(),
  areas: z.array(z.object({ id: IdSchema, name: z.string(), description: z.string() })),
});

const RagSchema = z.enum(["red", "amber", "green"]);

/** How ready each priority area is on a date, with live training uptake for Staff Development. */
export const ReadinessOutputSchema = z.object({
  asOf: IsoDateSchema,
  frameworkId: IdSchema,
  trainingUptake: z.object({
    nominated: z.int(),
    attended: z.int(),
    attendanceRate: z.number(),
  }),
  areas: z.array(
    z.object({
      areaId: IdSchema,
      areaName: z.string(),
      rag: RagSchema,
      reasons: z.array(z.string()),
      counts: z.object({
        approved: z.int(),
        selfApproved: z.int(),
        inReview: z.int(),
        draft: z.int(),
        rejected: z.int(),
        expired: z.int(),
        dueForReview: z.int(),
        expiringSoon: z.int(),
      }),
    }),
  ),
});

export type EvidenceItemOutput = z.infer<typeof EvidenceItemOutputSchema>;
export type EvidenceRevisionOutput = z.infer<typeof EvidenceRevisionOutputSchema>;
export type EvidenceSummary = z.infer<typeof EvidenceSummaryOutputSchema>;
export type EvidenceDetail = z.infer<typeof EvidenceDetailOutputSchema>;
export type Readiness = z.infer<typeof ReadinessOutputSchema>;

/** Readiness on a date (today in London when left out). */
export const ReadinessInputSchema = z.object({ asOf: IsoDateSchema.optional() }).default({});

/** DAHA accreditation evidence and how ready each priority area is. */
export const evidence = {
  framework: query({ access: "readEvidence", output: FrameworkOutputSchema }),
  list: query({
    access: "readEvidence",
    input: ListEvidenceInputSchema,
    output: pageSchema(EvidenceSummaryOutputSchema),
  }),
  get: query({
    access: "readEvidence",
    input: ByIdInputSchema,
    output: EvidenceDetailOutputSchema,
  }),
  create: mutation({
    access: "manageEvidence",
    input: CreateEvidenceInputSchema,
    output: EvidenceDetailOutputSchema,
  }),
  update: mutation({
    access: "manageEvidence",
    input: UpdateEvidenceInputSchema,
    output: EvidenceDetailOutputSchema,
  }),
  transition: mutation({
    access: "manageEvidence",
    input: TransitionEvidenceInputSchema,
    output: EvidenceDetailOutputSchema,
  }),
  readiness: query({
    access: "readEvidence",
    input: ReadinessInputSchema,
    output: ReadinessOutputSchema,
  }),
};
