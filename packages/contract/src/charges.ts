import * as z from "zod";

import { IdSchema, NonNegativePenceSchema, NoteSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { CHARGE_KINDS } from "./partnership-words";

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .int({ error: `must be a whole number of ${unit} from ${String(min)} to ${String(max)}` })
    .min(min, `must be at least ${String(min)} ${unit}`)
    .max(max, `must be at most ${String(max)} ${unit}`);

// £10,000 a place: far above any published charge, so a slip of the keyboard is caught.
const MAX_CHARGE_PENCE = 1_000_000;
const chargePence = NonNegativePenceSchema.max(MAX_CHARGE_PENCE, "must be at most £10,000");

/** The largest bank-holidays file accepted: GOV.UK's whole file is about 20 KB. */
export const MAX_BANK_HOLIDAYS_FILE_CHARACTERS = 500_000;

/** A partnership's charging policy, as set on its charging policy page. */
export const ChargingPolicySchema = z.object({
  enabled: z.boolean({ error: "must be true or false" }),
  noticeWorkingDays: wholeNumber(0, 60, "working days"),
  halfDayMaxMinutes: wholeNumber(30, 600, "minutes"),
  lateCancellation: z.object({ halfDayPence: chargePence, fullDayPence: chargePence }),
  noShow: z.object({ halfDayPence: chargePence, fullDayPence: chargePence }),
  chargeMemberAgencies: z.boolean({ error: "must be true or false" }),
});

/** Where the bank holidays come from: the list shipped with the tracker, or an uploaded file. */
export const BankHolidaysOutputSchema = z.object({
  source: z.enum(["shipped", "uploaded"]),
  updatedAt: z.string().nullable(),
  count: z.int(),
  /** The first and last dates listed, `YYYY-MM-DD`: notice periods beyond them skip none. */
  firstDate: z.string(),
  lastDate: z.string(),
  /** The next bank holidays from today. */
  upcoming: z.array(z.object({ date: z.string(), title: z.string() })),
});

/** The policy and the bank holidays its notice periods skip. */
export const ChargingPolicyOutputSchema = z.object({
  policy: ChargingPolicySchema,
  bankHolidays: BankHolidaysOutputSchema,
});

/** The text of a bank-holidays.json file as GOV.UK publishes it. */
export const UploadBankHolidaysInputSchema = z.object({
  file: z
    .string({ error: "must be the text of a bank-holidays.json file" })
    .min(1, "must not be empty")
    .max(MAX_BANK_HOLIDAYS_FILE_CHARACTERS, "must be at most 500,000 characters"),
});

/** What a charge is for. */
export const ChargeKindSchema = z.enum(CHARGE_KINDS, {
  error: `must be one of ${CHARGE_KINDS.join(", ")}`,
});

/**
 * Which charges to list: a financial year (by the year it starts; the current one if left out),
 * optionally a quarter and an agency.
 */
export const ListChargesInputSchema = z.object({
  financialYearStart: wholeNumber(2000, 2100, "years").nullable().default(null),
  /** 1 is April to June, as in the financial year. */
  quarter: wholeNumber(1, 4, "quarters").nullable().default(null),
  agencyId: IdSchema.nullable().default(null),
});

/** One charge as the charges page and the invoice export show it. */
export const ChargeOutputSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  kind: ChargeKindSchema,
  nominationId: IdSchema,
  sessionId: IdSchema,
  staffName: z.string(),
  courseTitle: z.string(),
  /** When the session started, ISO. */
  sessionStartsAt: z.string(),
  amountPence: z.int(),
  financialYearStart: z.int(),
  chargedOn: z.string(),
  basis: z.string(),
  waivedAt: z.string().nullable(),
  waiveReason: z.string(),
});

/** An agency's charges in the period: owed (not waived) and waived. */
export const AgencyChargesTotalSchema = z.object({
  agencyId: IdSchema,
  agencyName: z.string(),
  count: z.int(),
  owedPence: z.int(),
  waivedPence: z.int(),
});

/** Charges in the period, newest first, with totals per agency and overall. */
export const ChargesListOutputSchema = z.object({
  /** The financial year listed, by the year it starts. */
  financialYearStart: z.int(),
  charges: z.array(ChargeOutputSchema),
  byAgency: z.array(AgencyChargesTotalSchema),
  owedPence: z.int(),
  waivedPence: z.int(),
});

/** Waives a charge, with the reason (kept with the charge and in the audit log). */
export const WaiveChargeInputSchema = z.object({
  id: IdSchema,
  reason: NoteSchema.min(1, "must say why the charge is waived").max(
    1000,
    "must be at most 1,000 characters",
  ),
});

/** The charging policy, its bank holidays, and the charges ledger. */
export const charges = {
  policy: {
    get: query({ access: "readPartnership", output: ChargingPolicyOutputSchema }),
    /** Changes the policy; charges already written keep their amounts. */
    update: mutation({
      access: "managePartnership",
      input: ChargingPolicySchema,
      output: ChargingPolicyOutputSchema,
    }),
    /** Replaces the bank holidays with those of an uploaded GOV.UK bank-holidays.json. */
    uploadBankHolidays: mutation({
      access: "managePartnership",
      input: UploadBankHolidaysInputSchema,
      output: ChargingPolicyOutputSchema,
    }),
  },
  /** Charges in a financial year or quarter; agency leads see their own agency's only. */
  list: query({
    access: "readPartnership",
    input: ListChargesInputSchema,
    output: ChargesListOutputSchema,
  }),
  waive: mutation({
    access: "managePartnership",
    input: WaiveChargeInputSchema,
    output: ChargeOutputSchema,
  }),
};
