import * as z from "zod";

import { LabelSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { MAX_EVIDENCE_FILE_MEGABYTES } from "./evidence";
import { USER_ROLES } from "./roles";
import { UserRoleSchema } from "./users";

/** The DAHA frameworks an organisation can follow (the ids of `@dapkit/daha`'s `frameworks`). */
export const DAHA_FRAMEWORK_IDS = ["daha-2022", "daha-legacy"] as const;

const percent = z
  .int({ error: "must be a whole number from 1 to 100" })
  .min(1, "must be a whole number from 1 to 100")
  .max(100, "must be a whole number from 1 to 100");

const megabytes = z
  .int({ error: `must be a whole number of megabytes from 1 to ${MAX_EVIDENCE_FILE_MEGABYTES}` })
  .min(1, "must be at least 1 MB")
  .max(MAX_EVIDENCE_FILE_MEGABYTES, `must be at most ${MAX_EVIDENCE_FILE_MEGABYTES} MB`);

const months = z
  .int({ error: "must be a whole number of months" })
  .min(1, "must be at least 1 month")
  .max(120, "must be at most 120 months");

const MAX_DOMAINS = 50;
const MAX_ROLE_MAPPINGS = 100;

/** An email domain such as `oxford.gov.uk`, kept in lower case. */
const EmailDomainSchema = z
  .string({ error: "must be text" })
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: "must be a domain such as council.gov.uk, with no @",
  });

/** An https address (http only for a provider on this machine, as in tests). */
const IssuerUrlSchema = z
  .url({ error: "must be a web address such as https://login.microsoftonline.com/…/v2.0" })
  .max(2000, "must be at most 2,000 characters")
  .refine(
    // Read from the text (the package has no URL global to lean on): https, or http on this machine.
    (value) =>
      /^https:\/\//i.test(value) ||
      /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(value),
    { error: "must start with https://" },
  );

/** The single sign-on (OpenID Connect) settings, as the API shows them: never the client secret. */
export const SsoSettingsOutputSchema = z.object({
  enabled: z.boolean(),
  issuerUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  /** Whether a client secret is stored; the secret itself is write-only. */
  clientSecretSet: z.boolean(),
  allowedDomains: z.array(z.string()),
  /** The ID-token claim whose values choose a role (such as `roles` or `groups`). */
  roleClaim: z.string().nullable(),
  /** Claim value → role. */
  roleMapping: z.record(z.string(), z.enum(USER_ROLES)),
  /** The role when no claim value maps to one; null refuses such a sign-in. */
  defaultRole: z.enum(USER_ROLES).nullable(),
  /** Create an account on first sign-in for someone not yet invited (off: admins invite). */
  createUnknownUsers: z.boolean(),
});

/** An organisation's settings. */
export const OrganisationSettingsOutputSchema = z.object({
  name: z.string(),
  dahaFrameworkId: z.enum(DAHA_FRAMEWORK_IDS),
  /** The Staff Development attendance target, a whole percentage. */
  attendanceTargetPercent: z.int(),
  /** The refresher interval a new course starts with; null for none. */
  defaultRefresherMonths: z.int().nullable(),
  /** How many months after approval evidence is due for review. */
  evidenceReviewMonths: z.int(),
  passwordSignInAllowed: z.boolean(),
  /** Evidence cannot be approved by the person who sent it for review. */
  separateEvidenceApproval: z.boolean(),
  /** The largest evidence file accepted, in megabytes. */
  maxEvidenceFileMegabytes: z.int(),
  sso: SsoSettingsOutputSchema,
});

/** The settings to change; those left out keep their values. */
export const UpdateOrganisationSettingsInputSchema = z.object({
  name: LabelSchema.optional(),
  dahaFrameworkId: z
    .enum(DAHA_FRAMEWORK_IDS, { error: `must be one of ${DAHA_FRAMEWORK_IDS.join(", ")}` })
    .optional(),
  attendanceTargetPercent: percent.optional(),
  defaultRefresherMonths: months.nullable().optional(),
  evidenceReviewMonths: months.optional(),
  passwordSignInAllowed: z.boolean().optional(),
  separateEvidenceApproval: z.boolean().optional(),
  maxEvidenceFileMegabytes: megabytes.optional(),
  sso: z
    .object({
      enabled: z.boolean().optional(),
      issuerUrl: IssuerUrlSchema.nullable().optional(),
      clientId: z.string().trim().min(1, "must not be empty").max(500).nullable().optional(),
      /** A new secret, or null to remove it; left out keeps the stored one. */
      clientSecret: z.string().min(1, "must not be empty").max(2000).nullable().optional(),
      allowedDomains: z
        .array(EmailDomainSchema)
        .max(MAX_DOMAINS, `must be at most ${MAX_DOMAINS} domains`)
        .optional(),
      roleClaim: z.string().trim().min(1, "must not be empty").max(200).nullable().optional(),
      roleMapping: z
        .record(z.string().trim().min(1, "must not be empty").max(500), UserRoleSchema)
        .refine((mapping) => Object.keys(mapping).length <= MAX_ROLE_MAPPINGS, {
          error: `must have at most ${MAX_ROLE_MAPPINGS} entries`,
        })
        .optional(),
      defaultRole: UserRoleSchema.nullable().optional(),
      createUnknownUsers: z.boolean().optional(),
    })
    .optional(),
});

/** The organisation's own settings: administrators only. */
export const organisation = {
  settings: {
    get: query({ access: "administer", output: OrganisationSettingsOutputSchema }),
    /**
     * Changes the settings. Turning password sign-in off is refused unless single sign-on is
     * enabled and complete, so an organisation cannot lock itself out.
     */
    update: mutation({
      access: "administer",
      input: UpdateOrganisationSettingsInputSchema,
      output: OrganisationSettingsOutputSchema,
    }),
  },
};
