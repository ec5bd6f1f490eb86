import * as z from "zod";

import { typeError } from "./common";

/** An amount of money as a whole number of pence (may be negative, e.g. a variance). */
export const PenceSchema = z.int({
  error: typeError("must be a whole number of pence within the safe integer range"),
});
declare const PENCE: unique symbol;
/**
 * An amount in whole pence, e.g. `150244900` for £1,502,449. It is a number branded as pence, so an
 * amount in pounds cannot be passed where pence are meant by mistake: make one with `pence()`,
 * `pounds()` or `parseMoney()` from `@dapkit/funding`. A Pence is still a number for arithmetic.
 */
export type Pence = number & { readonly [PENCE]: "pence" };

/** An amount of money in pence that cannot be negative, such as a cost or a contribution. */
export const NonNegativePenceSchema = PenceSchema.min(0, "must not be negative");

/** A percentage between 0 and 100 inclusive; fractions are allowed (e.g. 33.33). */
export const PercentSchema = z
  .number({ error: typeError("must be a number (a percentage)") })
  .min(0, "must be at least 0 %")
  .max(100, "must be at most 100 %");
