/**
 * The spellings of a financial year that councils use: `2014/15`, `2014-15`, `2014–15` (en dash)
 * and `2014/2015`. Kept free of zod so that `@dapkit/funding`'s `parseFinancialYear` and the plan
 * schemas read years the same way without a formatter bringing the schema library along.
 */
const SPELLING = /^(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})$/;

/**
 * The two halves of a financial year as written (`["2014", "15"]` for `2014-15`), or undefined for
 * text that is not spelled like a financial year at all.
 *
 * @example
 * readFinancialYearSpelling("2014/2015"); // ["2014", "2015"]
 * readFinancialYearSpelling("2014"); // undefined
 */
export function readFinancialYearSpelling(text: string): [string, string] | undefined {
  const match = SPELLING.exec(text.trim());
  return match?.[1] === undefined || match[2] === undefined ? undefined : [match[1], match[2]];
}

/**
 * Any accepted spelling of a financial year written canonically (`2014-15` → `2014/15`); text that
 * is not a spelling of two consecutive years is returned unchanged, for a schema to refuse.
 *
 * @example
 * canonicalFinancialYear("2014–2015"); // "2014/15"
 * canonicalFinancialYear("2014/16"); // "2014/16"
 */
export function canonicalFinancialYear(text: string): string {
  const halves = readFinancialYearSpelling(text);
  if (halves === undefined) return text;
  const [first, second] = halves;
  const next = String(Number(first) + 1);
  const consecutive = second === (second.length === 2 ? next.slice(-2) : next);
  return consecutive ? `${first}/${next.slice(-2)}` : text;
}
