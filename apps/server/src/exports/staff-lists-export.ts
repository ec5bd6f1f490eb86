import type { ExportDefinition, Sheet } from "./define-export";
import { reportsExport } from "./reports-export";

// The staff page's lists are sheets of the training reports workbook, offered on their own (so as
// CSV too) with the same columns and words, declared once there.
function reportSheet(title: string): Sheet {
  const found = reportsExport.sheets.find((sheet) => sheet.title === title);
  if (found === undefined) throw new Error(`The reports workbook has no sheet called ${title}`);
  return found;
}

/** Current staff who have never attended any training. */
export const neverTrainedExport: ExportDefinition = {
  name: "never-trained",
  title: "Never trained",
  sheets: [reportSheet("Never trained")],
};

/** Refreshers overdue or due within 30 days, most urgent first. */
export const refreshersDueExport: ExportDefinition = {
  name: "refreshers-due",
  title: "Refreshers due",
  sheets: [reportSheet("Refreshers due")],
};
