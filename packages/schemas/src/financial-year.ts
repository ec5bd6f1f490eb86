import * as z from "zod";

import { typeError } from "./common";
import { canonicalFinancialYear } from "./financial-year-spelling";

const LABEL = /^(\d{4})\/(\d{2})$/;

/**
 * A UK public-sector financial year (1 April to 31 March), read in any spelling councils use
 * (`2014/15`, `2014-15`, `2014–15`, `2014/2015`: the ones `parseFinancialYear` in `@dapkit/funding`
 * accepts) and given back in its canonical label, `2014/15`, so a plan file may use any of them.
 */
export const FinancialYearLabelSchema = z
  .string({ error: typeError("must be a financial year label like 2014/15") })
  .trim()
  .overwrite(canonicalFinancialYear)
  .regex(LABEL, { message: "must be a financial year label like 2014/15", abort: true })
  .refine((label) => {
    const [, start, end] = LABEL.exec(label) ?? [];
    return (Number(start) + 1) % 100 === Number(end);
  }, "must name two consecutive years, like 2014/15");
/** A financial year label such as `2014/15`. */
export type FinancialYearLabel = z.infer<typeof FinancialYearLabelSchema>;
