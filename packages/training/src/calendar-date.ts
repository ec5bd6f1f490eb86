import { readIsoDate, type CalendarDate } from "@dapkit/schemas";

import { TrainingRuleError } from "./training-rule-error";

/**
 * Reads an ISO `YYYY-MM-DD` date; throws `invalid_date` naming `field` for anything else,
 * including dates that do not exist such as `2023-02-29`.
 *
 * @example
 * parseIsoDate("2024-02-29", "asOf"); // { year: 2024, month: 2, day: 29 }
 */
export function parseIsoDate(value: unknown, field: string): CalendarDate {
  const { date, problem } = readIsoDate(value, field);
  if (date == null) throw new TrainingRuleError("invalid_date", problem);
  return date;
}
