import { attendanceByAgencySection } from "./attendance-by-agency";
import type { BoardReportSection } from "./section";

/**
 * The sections of the board's report, in the order the board reads them. To add a section, write
 * it in its own file (a `BoardReportSection`) and list it here.
 */
export const BOARD_REPORT_SECTIONS: readonly BoardReportSection[] = [attendanceByAgencySection];
