import { attendanceByAgencySection } from "./attendance-by-agency";
import { evaluationSection } from "./evaluation-section";
import { programmeCostPerAttendeeSection } from "./programme-cost-per-attendee";
import type { BoardReportSection } from "./section";
import { trainingByLevelSection } from "./training-by-level";

/**
 * The sections of the board's report, in the order the board reads them. To add a section, write
 * it in its own file (a `BoardReportSection`) and list it here.
 */
export const BOARD_REPORT_SECTIONS: readonly BoardReportSection[] = [
  attendanceByAgencySection,
  trainingByLevelSection,
  programmeCostPerAttendeeSection,
  evaluationSection,
];
