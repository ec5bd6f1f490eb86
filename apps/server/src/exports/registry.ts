import { actionPlanExport } from "./action-plan-export";
import { agencyAttendanceExport } from "./agency-attendance-export";
import { auditExport, usersExport } from "./admin-exports";
import { chargesExport } from "./charges-export";
import type { ExportDefinition } from "./define-export";
import { evidenceExport } from "./evidence-export";
import { fundingYearsExport } from "./funding-exports";
import { fundingPlanExport } from "./funding-plan-export";
import { recommendationsExport } from "./recommendations-export";
import { reportsExport } from "./reports-export";
import { staffExport } from "./staff-export";
import { neverTrainedExport, refreshersDueExport } from "./staff-lists-export";
import { coursesExport, nominationsExport, sessionsExport } from "./training-exports";

/** Every export the app offers, each at /api/export/<name>.csv and .xlsx. */
export const EXPORTS: readonly ExportDefinition[] = [
  staffExport,
  nominationsExport,
  sessionsExport,
  coursesExport,
  evidenceExport,
  actionPlanExport,
  recommendationsExport,
  usersExport,
  auditExport,
  fundingYearsExport,
  fundingPlanExport,
  reportsExport,
  neverTrainedExport,
  refreshersDueExport,
  chargesExport,
  agencyAttendanceExport,
];

/** The export with this name, if there is one. */
export function findExport(name: string): ExportDefinition | undefined {
  return EXPORTS.find((definition) => definition.name === name);
}
