import { readIsoDate, toDayNumber } from "@dapkit/schemas";

import { DahaRuleError } from "./daha-rule-error";

/**
 * Reads an ISO `YYYY-MM-DD` date as a day number (days since 1970-01-01), so that dates compare
 * and subtract as plain integers; throws `invalid_date` naming `field` for anything else,
 * including dates that do not exist such as `2023-02-29`.
 *
 * @example
 * parseIsoDate("1970-01-02", "asOf"); // 1
 */
export function parseIsoDate(value: unknown, field: string): number {
  const { date, problem } = readIsoDate(value, field);
  if (date == null) throw new DahaRuleError("invalid_date", problem);
  return toDayNumber(date);
}
