import { describeValue, type Pence } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import {
  divideRoundingHalfAwayFromZero,
  exactDecimalOf,
  toSafePence,
  unitsAt,
} from "./exact-arithmetic";
import { requireOptions, requirePence } from "./input-checks";

/**
 * Options for {@link parseMoney}.
 *
 * @example
 * const options: ParseMoneyOptions = { allowNegative: true };
 */
export interface ParseMoneyOptions {
  /** Accept amounts below zero, such as variances; off by default because costs and contributions cannot be negative. */
  readonly allowNegative?: boolean;
}

/**
 * How {@link formatMoney} writes an amount: whole pounds, £k, £m to 3 d.p., or exact pounds and pence.
 *
 * @example
 * const style: MoneyStyle = "millions"; // £0.730m
 */
export type MoneyStyle = "pounds" | "thousands" | "millions" | "exact";

/**
 * Options for {@link formatMoney}.
 *
 * @example
 * const options: FormatMoneyOptions = { style: "thousands" };
 */
export interface FormatMoneyOptions {
  /** `pounds` (the default) `£1,502,449`; `thousands` `£1,502k`; `millions` `£1.502m`; `exact` `£75,122.45`. */
  readonly style?: MoneyStyle;
}

// Powers of ten from pence: pounds are 10² pence, £k 10⁵, £m 10⁸, £bn 10¹¹.
const SUFFIX_EXPONENT = {
  "": 2,
  k: 5,
  m: 8,
  million: 8,
  bn: 11,
  billion: 11,
} as const;

const MINUS = "[-\u2212]";
const MONEY = new RegExp(
  `^(${MINUS}?)\\s*(£?)\\s*(${MINUS}?)\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(k|m|bn|million|billion)?$`,
  "i",
);
const LOOSE_WITH_COMMAS = new RegExp(
  `^${MINUS}?\\s*£?\\s*${MINUS}?\\s*[\\d,]*\\d[\\d,]*(?:\\.[\\d,]+)?\\s*(?:k|m|bn|million|billion)?$`,
  "i",
);
const EXAMPLES = "such as £1,502,449, £75,122.45, £0.730m, £4,373k or 1502449.00";

/**
 * Reads an amount of money as written in council papers and returns it as a whole number of pence.
 *
 * Accepts `£1,502,449`, `£75,122.45`, `1502449.00`, `£4,373k`, `£0.730m`, `£1.5m`, `£86 million` and `£2bn`,
 * with optional spaces and a leading minus sign (`-£1,234`, when `allowNegative` is set). The arithmetic is
 * exact decimal arithmetic on the digits, so `£0.730m` is exactly 73,000,000 pence.
 *
 * @example
 * parseMoney("£1,502,449"); // 150244900
 * parseMoney("£0.730m"); // 73000000
 * parseMoney("-£30,217", { allowNegative: true }); // -3021700
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): Pence {
  requireOptions(options, "options");
  if (typeof text !== "string") {
    throw new FundingInputError(
      "invalid_money",
      `parseMoney needs text, ${EXAMPLES}; got ${describeValue(text)}`,
    );
  }
  const trimmed = text.trim();
  const quoted = JSON.stringify(text);
  const match = MONEY.exec(trimmed);
  if (match == null) {
    throw new FundingInputError("invalid_money", explainUnreadable(trimmed, quoted));
  }
  const [, signBefore = "", , signAfter = "", whole = "", fraction = "", suffix = ""] = match;
  if (signBefore !== "" && signAfter !== "") {
    throw new FundingInputError("invalid_money", `${quoted} has two minus signs`);
  }
  // The pattern only lets through the suffixes listed, so the lookup always succeeds.
  const scale = SUFFIX_EXPONENT[suffix.toLowerCase() as keyof typeof SUFFIX_EXPONENT];
  const exponent = scale - fraction.length;
  const digits = BigInt(whole.replaceAll(",", "") + fraction);
  let pence: bigint;
  if (exponent >= 0) {
    pence = digits * 10n ** BigInt(exponent);
  } else {
    const divisor = 10n ** BigInt(-exponent);
    if (digits % divisor !== 0n) {
      throw new FundingInputError(
        "invalid_money",
        `${quoted} is not a whole number of pence: it has a fraction of a penny`,
      );
    }
    pence = digits / divisor;
  }
  if (pence > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new FundingInputError(
      "invalid_money",
      `${quoted} is too large to hold exactly in pence (the limit is ${formatMoney(Number.MAX_SAFE_INTEGER, { style: "exact" })})`,
    );
  }
  const negative = signBefore !== "" || signAfter !== "";
  if (negative && pence !== 0n && options.allowNegative !== true) {
    throw new FundingInputError(
      "invalid_money",
      `${quoted} is negative; pass { allowNegative: true } where a negative amount such as a variance is expected`,
    );
  }
  return (negative && pence !== 0n ? -Number(pence) : Number(pence)) as Pence;
}

/**
 * Marks a whole number of pence as {@link Pence}, checking it is one: the way into the functions that
 * take money, so that an amount in pounds has to be said to be pounds (see {@link pounds}).
 *
 * @example
 * pence(150_000); // 150000 (£1,500), typed as Pence
 * pence(1500.5); // throws: not a whole number of pence
 */
export function pence(amount: number): Pence {
  return requirePence(amount, "pence", { allowNegative: true }) as Pence;
}

/**
 * An amount in pounds (to the penny at most) as {@link Pence}, exactly: `pounds(1500)` is 150,000 pence.
 *
 * @example
 * pounds(1500); // 150000
 * pounds(75122.45); // 7512245
 * pounds(0.001); // throws: a fraction of a penny
 */
export function pounds(amount: number): Pence {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new FundingInputError(
      "invalid_money",
      `pounds needs a number of pounds, got ${describeValue(amount)}`,
      { field: "pounds" },
    );
  }
  // Through the decimal it prints as, so 75122.45 is exactly 7,512,245 pence, not 7,512,244.999….
  const exact = exactDecimalOf(Math.abs(amount));
  if (exact.scale > 2) {
    throw new FundingInputError(
      "invalid_money",
      `pounds(${String(amount)}) is not a whole number of pence: it has a fraction of a penny`,
      { field: "pounds" },
    );
  }
  const whole = toSafePence(unitsAt(exact, 2), `pounds(${String(amount)})`);
  return (amount < 0 && whole !== 0 ? -whole : whole) as Pence;
}

function explainUnreadable(trimmed: string, quoted: string): string {
  if (trimmed === "") return `Cannot read an amount of money from ${quoted}: it is empty`;
  if (!/\d/.test(trimmed)) {
    return `Cannot read ${quoted} as an amount of money: it has no digits (expected an amount ${EXAMPLES})`;
  }
  if (trimmed.includes(",") && LOOSE_WITH_COMMAS.test(trimmed)) {
    return `Cannot read ${quoted} as an amount of money: its commas are misplaced (they must separate groups of three digits before the decimal point, as in £1,502,449)`;
  }
  return `Cannot read ${quoted} as an amount of money: expected an amount ${EXAMPLES}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Writes a whole number of pence as council papers do: whole pounds, £k, £m to 3 d.p., or exact.
 *
 * Rounding for the `pounds`, `thousands` and `millions` styles is half away from zero, so £0.50 shows as £1
 * and -£0.50 as -£1; negative amounts start with a minus sign (`-£1,234`), and an amount that rounds to
 * zero shows without one. `millions` rounds to the nearest £1,000 (`£0.730m`).
 *
 * @example
 * formatMoney(150244900); // "£1,502,449"
 * formatMoney(150244900, { style: "thousands" }); // "£1,502k"
 * formatMoney(73000000, { style: "millions" }); // "£0.730m"
 * formatMoney(7512245, { style: "exact" }); // "£75,122.45"
 * formatMoney(-123400); // "-£1,234"
 */
export function formatMoney(pence: number, options: FormatMoneyOptions = {}): string {
  const amount = BigInt(requirePence(pence, "formatMoney's amount", { allowNegative: true }));
  requireOptions(options, "options");
  const style = options.style ?? "pounds";
  switch (style) {
    case "pounds":
      return signed(
        divideRoundingHalfAwayFromZero(amount, 100n),
        (pounds) => `£${groupThousands(pounds)}`,
      );
    case "thousands":
      return signed(
        divideRoundingHalfAwayFromZero(amount, 100_000n),
        (thousands) => `£${groupThousands(thousands)}k`,
      );
    case "millions":
      return signed(divideRoundingHalfAwayFromZero(amount, 100_000n), (thousands) => {
        const padded = thousands.padStart(4, "0");
        return `£${groupThousands(padded.slice(0, -3))}.${padded.slice(-3)}m`;
      });
    case "exact":
      return signed(amount, (exact) => {
        const padded = exact.padStart(3, "0");
        return `£${groupThousands(padded.slice(0, -2))}.${padded.slice(-2)}`;
      });
    default:
      throw new FundingInputError(
        "invalid_argument",
        `formatMoney's style must be "pounds", "thousands", "millions" or "exact", got ${describeValue(style)}`,
        { field: "style" },
      );
  }
}

function signed(value: bigint, write: (digits: string) => string): string {
  const text = write((value < 0n ? -value : value).toString());
  return value < 0n ? `-${text}` : text;
}

/**
 * Writes pence for a message: whole pounds when there are no pence, otherwise exactly (internal).
 *
 * @example
 * describeMoney(3021700); // "£30,217"
 * describeMoney(3021745); // "£30,217.45"
 */
export function describeMoney(pence: number): string {
  return formatMoney(pence, { style: pence % 100 === 0 ? "pounds" : "exact" });
}
