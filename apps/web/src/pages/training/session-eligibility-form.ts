import type { SessionOpenTo } from "@dapkit/contract";
import { formatMoney, parseMoney } from "@dapkit/funding";
import { londonInstant, londonWallClock, parseClockTime } from "@dapkit/schemas";

import type { FieldError } from "../../lib/api-errors";
import {
  EMPTY_DATE,
  isEmptyDate,
  isoFromParts,
  partsFromIso,
  type DateParts,
} from "../../lib/date-parts";

/** One agency's line in the form: chosen (for a session of chosen agencies) and places held. */
export interface AgencyLine {
  chosen: boolean;
  reserved: string;
}

/** Who may book a session, as typed. */
export interface EligibilityTyped {
  openTo: SessionOpenTo;
  /** By agency id. */
  lines: Record<string, AgencyLine>;
  releaseDate: DateParts;
  releaseTime: string;
  nonMemberPrice: string;
}

/** Who may book a session, as the contract takes it. */
export interface EligibilityInput {
  openTo: SessionOpenTo;
  agencies: { agencyId: string; reservedPlaces: number }[];
  reservedUntil: string | null;
  nonMemberPricePence: number | null;
}

/** The form's starting values: the session's (when changing one) or open to every member. */
export function typedEligibility(
  session:
    | (Partial<EligibilityInput> & {
        agencies?: { agencyId: string; reservedPlaces: number }[];
      })
    | undefined,
): EligibilityTyped {
  const release =
    session?.reservedUntil == null ? undefined : londonWallClock(session.reservedUntil);
  const price = session?.nonMemberPricePence ?? null;
  return {
    openTo: session?.openTo ?? "all_members",
    lines: Object.fromEntries(
      (session?.agencies ?? []).map((row) => [
        row.agencyId,
        { chosen: true, reserved: row.reservedPlaces === 0 ? "" : String(row.reservedPlaces) },
      ]),
    ),
    releaseDate: release === undefined ? EMPTY_DATE : partsFromIso(release.date),
    releaseTime: release?.time ?? "",
    nonMemberPrice:
      price == null ? "" : formatMoney(price, { style: price % 100 === 0 ? "pounds" : "exact" }),
  };
}

function releaseOf(typed: EligibilityTyped): { at: string | null; problem: FieldError | null } {
  if (isEmptyDate(typed.releaseDate) && typed.releaseTime.trim() === "") {
    return { at: null, problem: null };
  }
  const label = "Release date";
  const day = isoFromParts(typed.releaseDate, label);
  if ("error" in day) return { at: null, problem: { field: "reservedUntil", message: day.error } };
  const time = parseClockTime(typed.releaseTime);
  if (time == null) {
    return {
      at: null,
      problem: {
        field: "reservedUntil",
        message: "Release time must be a time, like 9:30am or 14:00",
      },
    };
  }
  try {
    return { at: londonInstant(day.iso, time), problem: null };
  } catch (error) {
    return {
      at: null,
      problem: { field: "reservedUntil", message: error instanceof Error ? error.message : label },
    };
  }
}

function priceOf(text: string): { pence: number | null; problem: FieldError | null } {
  if (text.trim() === "") return { pence: null, problem: null };
  try {
    return { pence: parseMoney(text), problem: null };
  } catch {
    return {
      pence: null,
      problem: {
        field: "nonMemberPricePence",
        message: "Price of a place for non-members must be an amount of money, like £50",
      },
    };
  }
}

/**
 * The input for who may book, from what was typed, with what cannot become it (fields
 * `agencies`, `reservedUntil`, `nonMemberPricePence`); the server checks the partnership's rules.
 * A session for chosen agencies lists those ticked; one open to every member lists those with
 * places held.
 */
export function eligibilityInput(
  typed: EligibilityTyped,
  agencies: readonly { id: string; name: string }[],
): { input: EligibilityInput; problems: (FieldError | null)[] } {
  const problems: (FieldError | null)[] = [];
  const rows = agencies.flatMap((agency) => {
    const line = typed.lines[agency.id] ?? { chosen: false, reserved: "" };
    const text = line.reserved.trim();
    const places = text === "" ? 0 : Number(text);
    if (!/^\d*$/.test(text) || !Number.isSafeInteger(places)) {
      problems.push({
        field: "agencies",
        message: `Places reserved for ${agency.name} must be a whole number, like 2`,
      });
      return [];
    }
    const listed = typed.openTo === "chosen_agencies" ? line.chosen : places > 0;
    return listed ? [{ agencyId: agency.id, reservedPlaces: places }] : [];
  });
  const release = releaseOf(typed);
  const price = priceOf(typed.nonMemberPrice);
  problems.push(release.problem, price.problem);
  return {
    input: {
      openTo: typed.openTo,
      agencies: rows,
      reservedUntil: release.at,
      nonMemberPricePence: price.pence,
    },
    problems,
  };
}
