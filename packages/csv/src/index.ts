export {
  isoDateTime,
  neutraliseFormula,
  toCell,
  type Cell,
  type CellValue,
  type Table,
} from "./cell";
export { IssueList, MAX_LISTED_ISSUES, type CsvIssue } from "./issue-list";
export {
  CsvReadError,
  MAX_VALUES_PER_RECORD,
  readCsvRecords,
  type CsvRecord,
} from "./read-records";
export { CsvLimitError, readCsvTable, type CsvRow, type CsvTableOptions } from "./read-table";
export { writeCsv } from "./write-csv";
