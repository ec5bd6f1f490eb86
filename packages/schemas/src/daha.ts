import * as z from "zod";

import { IdSchema, IsoDateSchema, LabelSchema, NoteSchema, oneOf } from "./common";

/** One of a framework's priority areas, such as "Staff Development". */
export const PriorityAreaSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  description: NoteSchema,
});
/** A priority area. */
export type PriorityArea = z.infer<typeof PriorityAreaSchema>;

/** A versioned accreditation framework: its priority areas, as data. */
export const FrameworkSchema = z.object({
  id: IdSchema,
  version: LabelSchema,
  name: LabelSchema,
  areas: z.array(PriorityAreaSchema).min(1, "must have at least one priority area"),
});
/** An accreditation framework. */
export type Framework = z.infer<typeof FrameworkSchema>;

/** The evidence statuses. */
export const EVIDENCE_STATUSES = ["draft", "in_review", "approved", "rejected", "expired"] as const;

/** Where an evidence item is in its review lifecycle. */
export const EvidenceStatusSchema = oneOf(EVIDENCE_STATUSES);
/** An evidence status. */
export type EvidenceStatus = z.infer<typeof EvidenceStatusSchema>;

/** The kinds of evidence. */
export const EVIDENCE_KINDS = [
  "policy",
  "procedure",
  "case_audit",
  "risk_assessment",
  "training_record",
  "champions_list",
  "staff_survey",
  "partnership_agreement",
  "survivor_feedback",
  "equality_impact_assessment",
  "publicity",
  "other",
] as const;

/** What kind of document or record an evidence item is. */
export const EvidenceKindSchema = oneOf(EVIDENCE_KINDS);
/** An evidence kind. */
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** A piece of evidence offered against a priority area. */
export const EvidenceItemSchema = z
  .object({
    id: IdSchema,
    areaId: IdSchema,
    title: LabelSchema,
    kind: EvidenceKindSchema,
    owner: LabelSchema,
    effectiveDate: IsoDateSchema,
    reviewDate: IsoDateSchema.nullable(),
    expiryDate: IsoDateSchema.nullable(),
    status: EvidenceStatusSchema,
  })
  .superRefine((item, ctx) => {
    for (const field of ["reviewDate", "expiryDate"] as const) {
      const date = item[field];
      if (date != null && date < item.effectiveDate) {
        ctx.addIssue({
          code: "custom",
          input: date,
          path: [field],
          message: "must not be before the effective date",
        });
      }
    }
  });
/** An evidence item. */
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;
