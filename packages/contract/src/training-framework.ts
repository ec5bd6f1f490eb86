import * as z from "zod";

import { CourseSchema, IdSchema, IsoDateSchema, LabelSchema, oneOf } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { AGENCY_KINDS } from "./partnership-words";
import { REQUIREMENT_SCOPES } from "./programme-words";

/** The most levels (or groups) a framework may have. */
export const MAX_FRAMEWORK_LEVELS = 10;
/** The most requirement rules an organisation may keep. */
export const MAX_LEVEL_RULES = 500;

// A framework level is the level a course carries, so it obeys the course's own rule.
const LevelNumberSchema = CourseSchema.shape.level;

/** One level (or group) of a framework. */
export const FrameworkLevelSchema = z.object({
  level: LevelNumberSchema,
  name: LabelSchema,
  defaultRefresherMonths: CourseSchema.shape.refresherIntervalMonths,
});

/** The framework as a whole: its name and levels (which replace the old ones). */
export const SaveFrameworkInputSchema = z.object({
  name: LabelSchema,
  levels: z
    .array(FrameworkLevelSchema)
    .min(1, "must have at least one level")
    .max(MAX_FRAMEWORK_LEVELS, `must have at most ${String(MAX_FRAMEWORK_LEVELS)} levels`)
    .refine(
      (levels) => new Set(levels.map((row) => row.level)).size === levels.length,
      "must not number two levels the same",
    ),
});

/**
 * A requirement rule: people in every agency, in agencies of one kind or in one agency, whose job
 * title contains the words (any job title when empty), need the level.
 */
export const AddLevelRuleInputSchema = z
  .object({
    scope: oneOf(REQUIREMENT_SCOPES),
    agencyKind: oneOf(AGENCY_KINDS).nullable().default(null),
    agencyId: IdSchema.nullable().default(null),
    jobTitleContains: z
      .string({ error: "must be text" })
      .trim()
      .max(100, "must be at most 100 characters")
      .default(""),
    requiredLevel: LevelNumberSchema,
  })
  .superRefine((rule, context) => {
    if (rule.scope === "agency_kind" && rule.agencyKind == null) {
      context.addIssue({
        code: "custom",
        path: ["agencyKind"],
        message: "choose a kind of agency",
      });
    }
    if (rule.scope === "agency" && rule.agencyId == null) {
      context.addIssue({ code: "custom", path: ["agencyId"], message: "choose an agency" });
    }
  });

/** A requirement rule as it leaves the server, with its agency's name when it names one. */
export const LevelRuleOutputSchema = z.object({
  id: IdSchema,
  scope: oneOf(REQUIREMENT_SCOPES),
  agencyKind: oneOf(AGENCY_KINDS).nullable(),
  agencyId: IdSchema.nullable(),
  agencyName: z.string().nullable(),
  jobTitleContains: z.string(),
  requiredLevel: z.int(),
});

/** The organisation's framework: null name until one is saved. */
export const TrainingFrameworkOutputSchema = z.object({
  name: z.string().nullable(),
  levels: z.array(FrameworkLevelSchema),
  rules: z.array(LevelRuleOutputSchema),
});

/** Compliance of one agency at one level: people required, trained in date, and the rate. */
export const ComplianceRowSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  level: z.int(),
  levelName: z.string(),
  required: z.int(),
  trainedInDate: z.int(),
  /** trainedInDate ÷ required; null when nobody is required. */
  rate: z.number().nullable(),
});

/** Compliance by agency and level on a day. */
export const ComplianceOutputSchema = z.object({
  asOf: IsoDateSchema,
  rows: z.array(ComplianceRowSchema),
});

export type TrainingFrameworkOutput = z.infer<typeof TrainingFrameworkOutputSchema>;
export type LevelRuleOutput = z.infer<typeof LevelRuleOutputSchema>;
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;

/** The training framework's levels, who needs which level, and compliance by agency and level. */
export const trainingFramework = {
  get: query({ access: "readTraining", output: TrainingFrameworkOutputSchema }),
  save: mutation({
    access: "managePartnership",
    input: SaveFrameworkInputSchema,
    output: TrainingFrameworkOutputSchema,
  }),
  addRule: mutation({
    access: "managePartnership",
    input: AddLevelRuleInputSchema,
    output: LevelRuleOutputSchema,
  }),
  removeRule: mutation({
    access: "managePartnership",
    input: z.object({ id: IdSchema }),
    output: z.object({ id: IdSchema }),
  }),
  compliance: {
    list: query({
      access: "readPartnership",
      input: z.object({ asOf: IsoDateSchema.optional() }).default({}),
      output: ComplianceOutputSchema,
    }),
  },
};
