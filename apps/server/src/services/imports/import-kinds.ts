import { importAttendanceCsv } from "./import-attendance";
import { importNominationsCsv } from "./import-nominations";
import { importStaffCsv } from "./import-staff";

/** The CSV imports, by the name the import worker is asked for them by. */
export const IMPORTS = {
  staff: importStaffCsv,
  nominations: importNominationsCsv,
  attendance: importAttendanceCsv,
} as const;

/** Which import: staff, nominations or attendance. */
export type ImportKind = keyof typeof IMPORTS;

/** What an import of that kind reports. */
export type ImportOutcome<K extends ImportKind> = ReturnType<(typeof IMPORTS)[K]>;
