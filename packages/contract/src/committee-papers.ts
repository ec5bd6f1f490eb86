import * as z from "zod";

import {
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LabelSchema,
  NoteSchema,
} from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";

/**
 * The numbered sections of the standard council report, in the order they print, each with its
 * heading and the narrative a new paper starts with. The figures of a section are never typed:
 * the server writes them from live data when the paper is shown or downloaded. A new kind of
 * section (such as training by agency) is one more entry here and one in the server's builder.
 */
export const COMMITTEE_PAPER_SECTIONS = {
  introduction: {
    heading: "Introduction and background",
    narrative: [
      "The committee asked for an update on the progress made against the recommendations.",
    ],
  },
  accreditation: { heading: "DAHA accreditation progress", narrative: [] },
  training: {
    heading: "Domestic abuse training",
    narrative: ["Further training sessions are being arranged."],
  },
  partnershipTraining: { heading: "Partnership training by agency", narrative: [] },
  recommendations: { heading: "Progress on the recommendations", narrative: [] },
  financial: { heading: "Financial implications", narrative: [] },
  legal: { heading: "Legal issues", narrative: ["No legal issues."] },
  conclusion: { heading: "Conclusion", narrative: [] },
} as const satisfies Record<string, { heading: string; narrative: readonly string[] }>;

/** A section of a committee paper. */
export type CommitteePaperSectionKey = keyof typeof COMMITTEE_PAPER_SECTIONS;

/** Every section, in printing order. */
export const COMMITTEE_PAPER_SECTION_KEYS = Object.keys(
  COMMITTEE_PAPER_SECTIONS,
) as CommitteePaperSectionKey[];

/** At most this many narrative paragraphs in one section. */
export const MAX_SECTION_PARAGRAPHS = 20;

const ParagraphSchema = NoteSchema.min(1, "must not be empty");

/** The officer's part of a paper: front matter, chosen sections and their narrative. */
export const CommitteePaperDraftSchema = z.object({
  committee: LabelSchema,
  meetingDate: IsoDateSchema,
  reportOf: LabelSchema,
  title: LabelSchema,
  purpose: ParagraphSchema,
  keyDecision: z.boolean({ error: "must be yes or no" }),
  recommendations: z
    .array(LabelSchema.max(500, "must be at most 500 characters"))
    .min(1, "must have at least one recommendation")
    .max(10, "must have at most 10 recommendations"),
  fundingPlanId: IdSchema.nullable(),
  includeAppendix: z.boolean({ error: "must be yes or no" }),
  sections: z
    .array(
      z.object({
        key: z.enum(COMMITTEE_PAPER_SECTION_KEYS as [CommitteePaperSectionKey], {
          error: "must be a section the paper offers",
        }),
        narrative: z
          .array(ParagraphSchema)
          .max(
            MAX_SECTION_PARAGRAPHS,
            `must have at most ${String(MAX_SECTION_PARAGRAPHS)} paragraphs`,
          ),
      }),
    )
    .min(1, "must include at least one section")
    .refine(
      (sections) => new Set(sections.map((section) => section.key)).size === sections.length,
      "must not include a section twice",
    ),
});

/** A committee paper's draft as saved. */
export type CommitteePaperDraft = z.infer<typeof CommitteePaperDraftSchema>;

/** Saves a paper; `version` is the one the officer edited, so a newer save is not overwritten. */
export const UpdateCommitteePaperInputSchema = z.object({
  id: IdSchema,
  version: z.int().min(1),
  data: CommitteePaperDraftSchema,
});

/** One numbered paragraph: written by the officer, or by the server from live data. */
export const PaperParagraphSchema = z.object({
  number: z.int(),
  source: z.enum(["figures", "narrative"]),
  text: z.string(),
  /** Items listed under the paragraph, such as the eight priority areas. */
  items: z.array(z.string()),
});

/** The paper as it prints, built from the draft and live data at the moment it was asked for. */
export const BuiltPaperSchema = z.object({
  frontMatter: z.array(z.object({ label: z.string(), value: z.string() })),
  recommendations: z.array(z.string()),
  sections: z.array(
    z.object({ key: z.string(), heading: z.string(), paragraphs: z.array(PaperParagraphSchema) }),
  ),
  appendix: z
    .object({
      heading: z.string(),
      columns: z.array(z.string()),
      rows: z.array(z.array(z.string())),
    })
    .nullable(),
});

/** A paper in a list. */
export const CommitteePaperSummarySchema = z.object({
  id: IdSchema,
  committee: z.string(),
  meetingDate: IsoDateSchema,
  reportOf: z.string(),
  title: z.string(),
  updatedAt: IsoDateTimeSchema,
  updatedByName: z.string(),
});

/** A paper: its draft and, built from it, the paper as it would download now. */
export const CommitteePaperOutputSchema = CommitteePaperSummarySchema.extend({
  version: z.int(),
  draft: CommitteePaperDraftSchema,
  built: BuiltPaperSchema,
});

export type BuiltPaper = z.infer<typeof BuiltPaperSchema>;
export type PaperParagraph = z.infer<typeof PaperParagraphSchema>;
export type CommitteePaperSummary = z.infer<typeof CommitteePaperSummarySchema>;
export type CommitteePaperOutput = z.infer<typeof CommitteePaperOutputSchema>;

/** Committee papers: the standard council report, its figures drawn from live data. */
export const committeePapers = {
  list: query({ access: "readRecommendations", output: z.array(CommitteePaperSummarySchema) }),
  get: query({
    access: "readRecommendations",
    input: ByIdInputSchema,
    output: CommitteePaperOutputSchema,
  }),
  create: mutation({
    access: "manageRecommendations",
    input: CommitteePaperDraftSchema,
    output: CommitteePaperOutputSchema,
  }),
  update: mutation({
    access: "manageRecommendations",
    input: UpdateCommitteePaperInputSchema,
    output: CommitteePaperOutputSchema,
  }),
};
