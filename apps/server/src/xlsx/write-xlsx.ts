import { strToU8, Zip, ZipDeflate } from "fflate";

import { toCell, type CellValue, type Table } from "@dapkit/csv";

import { cellNumber, NUMBER_FORMATS, shownWidth, type CellFormat } from "./cell-formats";

/**
 * A small Office Open XML (XLSX) writer: enough for exports people open in Excel, LibreOffice or
 * Google Sheets. Each sheet has a bold, frozen header row with filter drop-downs and columns sized
 * to their contents; typed columns hold real dates, times, money and percentages with number
 * formats (see cell-formats.ts); other numbers are numbers, and everything else an inline string
 * (no shared-strings table to keep in step), with the same clean-up and formula neutralisation as
 * the CSV writer (see @dapkit/csv). The sheets are compressed row by row as they are written, so
 * memory holds the rows and the compressed file, never a sheet's whole XML. Parts written:
 *
 *   [Content_Types].xml          what each part is
 *   _rels/.rels                  points at the workbook
 *   xl/workbook.xml              the sheet list, and each sheet's filter range
 *   xl/_rels/workbook.xml.rels   the sheets and styles the workbook uses
 *   xl/styles.xml                plain, bold (the header), and a style per cell format
 *   xl/worksheets/sheetN.xml     one per sheet
 */

/** One sheet of a workbook: its tab name, its table, and how each column's values are shown. */
export interface XlsxSheet extends Table {
  name: string;
  /** Each column's format by position; a column without one is written as its values come. */
  formats?: readonly (CellFormat | undefined)[];
}

export type { CellFormat } from "./cell-formats";

/** The media type of an XLSX file. */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
// Column widths in characters: wide enough for a date, narrow enough that a long note wraps off-screen
// rather than pushing every other column away.
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
// Excel's limits on a sheet (tab) name.
const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[:\\/?*[\]]/g;
// Excel refuses to open a workbook with a longer cell ("We found a problem with some content").
const MAX_CELL_TEXT = 32_767;

/** Text cut to what one Excel cell holds, ending in "…" when cut, never in half a character. */
function fitCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  return `${text.slice(0, MAX_CELL_TEXT - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

/** Escapes text for XML content and attribute values (text is already free of bad characters). */
function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** The column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

// Style indexes in STYLES' cellXfs: plain, the bold header, then one per typed format.
const BOLD_STYLE = 1;
const FORMAT_ORDER: readonly CellFormat[] = ["date", "dateTime", "time", "money", "percent"];
const FORMAT_STYLE = new Map(FORMAT_ORDER.map((format, i) => [format, i + 2]));
const FIRST_CUSTOM_FORMAT = 164;

/** A cell as written: a number (with its style), text, or nothing. */
type Written = { number: number; style: number } | { text: string } | null;

function written(value: CellValue, format: CellFormat | undefined): Written {
  if (format !== undefined) {
    const number = cellNumber(format, value);
    if (number != null) return { number, style: FORMAT_STYLE.get(format) ?? 0 };
  }
  const cell = toCell(value);
  if (cell == null) return null;
  return cell.kind === "number" ? { number: cell.value, style: 0 } : { text: fitCell(cell.text) };
}

function cellXml(cell: Written, ref: string, header: boolean): string {
  if (cell == null) return header ? `<c r="${ref}" s="${String(BOLD_STYLE)}"/>` : "";
  if ("text" in cell) {
    const s = header ? ` s="${String(BOLD_STYLE)}"` : "";
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.text)}</t></is></c>`;
  }
  const s = cell.style === 0 ? "" : ` s="${String(cell.style)}"`;
  return `<c r="${ref}"${s}><v>${String(cell.number)}</v></c>`;
}

function displayWidth(cell: Written, format: CellFormat | undefined): number {
  if (cell == null) return 0;
  if ("text" in cell) return Math.max(...cell.text.split("\n").map((line) => line.length));
  return format !== undefined && cell.style !== 0
    ? shownWidth(format, cell.number)
    : String(cell.number).length;
}

// A first pass over the rows for the column widths, which come before the rows in the sheet.
function columnWidths(sheet: XlsxSheet): number[] {
  const widths = sheet.header.map((value) => displayWidth(written(value, undefined), undefined));
  for (const row of sheet.rows) {
    widths.forEach((width, column) => {
      const format = sheet.formats?.[column];
      widths[column] = Math.max(width, displayWidth(written(row[column], format), format));
    });
  }
  return widths.map((width) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2)));
}

function rowXml(row: readonly CellValue[], r: number, formats: XlsxSheet["formats"]): string {
  const header = r === 1;
  const cells = row.map((value, c) =>
    cellXml(
      written(value, header ? undefined : formats?.[c]),
      `${columnName(c)}${String(r)}`,
      header,
    ),
  );
  return `<row r="${String(r)}">${cells.join("")}</row>`;
}

/** The range a sheet's header filter covers: the header and every row, every column. */
function filterRange(sheet: XlsxSheet): string | null {
  if (sheet.header.length === 0) return null;
  return `A1:${columnName(sheet.header.length - 1)}${String(sheet.rows.length + 1)}`;
}

/** A sheet's XML in pieces, row by row, so a long list is never one string in memory. */
function* sheetXml(sheet: XlsxSheet): Generator<string> {
  const cols = columnWidths(sheet)
    .map(
      (width, i) =>
        `<col min="${String(i + 1)}" max="${String(i + 1)}" width="${String(width)}" customWidth="1"/>`,
    )
    .join("");
  yield (
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}">` +
    // The header row stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    "</sheetView></sheetViews>" +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    "<sheetData>"
  );
  yield rowXml(sheet.header, 1, sheet.formats);
  for (const [i, row] of sheet.rows.entries()) yield rowXml(row, i + 2, sheet.formats);
  const range = filterRange(sheet);
  // Header filters: Excel shows a drop-down on each heading to sort and filter by.
  yield `</sheetData>${range == null ? "" : `<autoFilter ref="${range}"/>`}</worksheet>`;
}

/** Sheet names Excel accepts: no `:\/?*[]`, no edge apostrophes, at most 31 characters, unique. */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, index) => {
    const base =
      raw
        .replace(FORBIDDEN_IN_SHEET_NAME, " ")
        .replace(/\s+/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, MAX_SHEET_NAME)
        .trim() || `Sheet ${String(index + 1)}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${String(n)})`;
      name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const STYLES =
  `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">` +
  `<numFmts count="${String(FORMAT_ORDER.length)}">` +
  FORMAT_ORDER.map(
    (format, i) =>
      `<numFmt numFmtId="${String(FIRST_CUSTOM_FORMAT + i)}" formatCode="${escapeXml(NUMBER_FORMATS[format])}"/>`,
  ).join("") +
  "</numFmts>" +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${String(2 + FORMAT_ORDER.length)}">` +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  FORMAT_ORDER.map(
    (_, i) =>
      `<xf numFmtId="${String(FIRST_CUSTOM_FORMAT + i)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
  ).join("") +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function relationships(targets: readonly { type: string; target: string }[]): string {
  const items = targets.map(
    ({ type, target }, i) =>
      `<Relationship Id="rId${String(i + 1)}" Type="${REL_NS}/${type}" Target="${target}"/>`,
  );
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL_NS}">${items.join("")}</Relationships>`;
}

// Rows are gathered into pieces about this big before compressing: fewer, larger pushes.
const PIECE_CHARS = 64 * 1024;

/** Collects a zip file's compressed bytes as its parts are added, one after another. */
function zipWriter() {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  return {
    add(path: string, pieces: Iterable<string>) {
      const file = new ZipDeflate(path, { level: 6 });
      zip.add(file);
      let buffered = "";
      for (const piece of pieces) {
        buffered += piece;
        if (buffered.length >= PIECE_CHARS) {
          file.push(strToU8(buffered));
          buffered = "";
        }
      }
      file.push(strToU8(buffered), true);
    },
    finish(): Uint8Array {
      zip.end();
      return Buffer.concat(chunks);
    },
  };
}

// A sheet name as a formula refers to it: in apostrophes, an apostrophe inside doubled.
const quotedSheetName = (name: string) => `'${name.replaceAll("'", "''")}'`;

// Excel records each sheet's filter range as a hidden defined name; without it, Excel still
// shows the drop-downs but "Clear filter" and some readers lose track of the range.
function filterNames(sheets: readonly XlsxSheet[], names: readonly string[]): string {
  const defined = sheets.flatMap((sheet, i) => {
    const range = filterRange(sheet);
    if (range == null) return [];
    const [from = "", to = ""] = range
      .split(":")
      .map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
    const name = quotedSheetName(names[i] ?? "");
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${String(i)}" hidden="1">${escapeXml(`${name}!${from}:${to}`)}</definedName>`,
    ];
  });
  return defined.length === 0 ? "" : `<definedNames>${defined.join("")}</definedNames>`;
}

/** Writes a workbook with one sheet per entry, in order, as the bytes of an .xlsx file. */
export function writeXlsx(sheets: readonly [XlsxSheet, ...XlsxSheet[]]): Uint8Array {
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  const paths = sheets.map((_, i) => `worksheets/sheet${String(i + 1)}.xml`);
  const contentTypes =
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
    paths
      .map((path) => `<Override PartName="/xl/${path}" ContentType="${TYPE}.worksheet+xml"/>`)
      .join("") +
    "</Types>";
  const workbook =
    `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
    names
      .map(
        (name, i) =>
          `<sheet name="${escapeXml(name)}" sheetId="${String(i + 1)}" r:id="rId${String(i + 1)}"/>`,
      )
      .join("") +
    `</sheets>${filterNames(sheets, names)}</workbook>`;
  const zip = zipWriter();
  zip.add("[Content_Types].xml", [contentTypes]);
  zip.add("_rels/.rels", [relationships([{ type: "officeDocument", target: "xl/workbook.xml" }])]);
  zip.add("xl/workbook.xml", [workbook]);
  zip.add("xl/_rels/workbook.xml.rels", [
    relationships([
      ...paths.map((path) => ({ type: "worksheet", target: path })),
      { type: "styles", target: "styles.xml" },
    ]),
  ]);
  zip.add("xl/styles.xml", [STYLES]);
  sheets.forEach((sheet, i) => {
    zip.add(`xl/${paths[i] ?? ""}`, sheetXml(sheet));
  });
  return zip.finish();
}
