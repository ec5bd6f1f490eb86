import * as z from "zod";

import { typeError } from "./common";

const LABEL = /^(\d{4})\/(\d{2})$/;

/**
 * A UK public-sector financial year (1 April to 31 March) in its canonical label, `2014/15`.
 * Other spellings (`2014-15`, `2014/2015`) are parsed by `parseFinancialYear` in `@dapkit/funding`.
 */
export const FinancialYearLabelSchema = z
  .string({ error: typeError("must be a financial year label like 2014/15") })
  .regex(LABEL, { message: "must be a financial year label like 2014/15", abort: true })
  .refine((label) => {
    const [, start, end] = LABEL.exec(label) ?? [];
    return (Number(start) + 1) % 100 === Number(end);
  }, "must name two consecutive years, like 2014/15");
/** A financial year label such as `2014/15`. */
export type FinancialYearLabel = z.infer<typeof FinancialYearLabelSchema>;
