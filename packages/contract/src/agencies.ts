import * as z from "zod";

import { IdSchema, LabelSchema } from "@dapkit/schemas";

import { ByIdInputSchema } from "./by-id";
import { mutation, query } from "./define-procedure";
import { AGENCY_KINDS } from "./partnership-words";

/** An agency's kind, with a message that lists the kinds there are. */
export const AgencyKindSchema = z.enum(AGENCY_KINDS, {
  error: `must be one of ${AGENCY_KINDS.join(", ")}`,
});

/** A partnership's agency as the API shows it. */
export const AgencyOutputSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: AgencyKindSchema,
  /** Member agencies fund the programme and book places free; others pay per place. */
  member: z.boolean(),
  /** How many active people work for the agency. */
  people: z.int(),
  createdAt: z.string(),
  /** When the agency was archived (it keeps its people, bookings and charges); null if current. */
  archivedAt: z.string().nullable(),
});

const agencyFields = z.object({
  name: LabelSchema,
  kind: AgencyKindSchema,
  member: z.boolean({ error: "must be true or false" }),
});

/** A new agency: a member unless said otherwise. */
export const CreateAgencyInputSchema = agencyFields.extend({
  member: agencyFields.shape.member.default(true),
});

/** The fields of an agency to change; those left out keep their values (so no defaults here). */
export const UpdateAgencyInputSchema = z.object({ id: IdSchema, data: agencyFields.partial() });

/** Which agencies to list: current ones, or archived ones too. */
export const ListAgenciesInputSchema = z
  .object({ includeArchived: z.boolean({ error: "must be true or false" }).default(false) })
  .prefault({});

/** Whether the organisation runs as a partnership of member agencies. */
export const PartnershipSettingsOutputSchema = z.object({ runsAsPartnership: z.boolean() });

/** The partnership switch to change. */
export const UpdatePartnershipSettingsInputSchema = z.object({
  runsAsPartnership: z.boolean({ error: "must be true or false" }),
});

/** The partnership's agencies (agency leads see their own only) and the partnership switch. */
export const agencies = {
  list: query({
    access: "readPartnership",
    input: ListAgenciesInputSchema,
    output: z.array(AgencyOutputSchema),
  }),
  create: mutation({
    access: "managePartnership",
    input: CreateAgencyInputSchema,
    output: AgencyOutputSchema,
  }),
  update: mutation({
    access: "managePartnership",
    input: UpdateAgencyInputSchema,
    output: AgencyOutputSchema,
  }),
  /** Archives an agency: it keeps its people, bookings and charges but takes no new ones. */
  archive: mutation({
    access: "managePartnership",
    input: ByIdInputSchema,
    output: AgencyOutputSchema,
  }),
};

/** The organisation's partnership switch. */
export const partnershipSettings = {
  get: query({ access: "readTraining", output: PartnershipSettingsOutputSchema }),
  /**
   * Turns running as a partnership on or off. While on, every person added or changed must belong
   * to one of the organisation's agencies.
   */
  update: mutation({
    access: "managePartnership",
    input: UpdatePartnershipSettingsInputSchema,
    output: PartnershipSettingsOutputSchema,
  }),
};
