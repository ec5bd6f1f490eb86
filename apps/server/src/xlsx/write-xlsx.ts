import { strToU8, zipSync } from "fflate";

import { toCell, type Cell, type Table } from "@dapkit/csv";

/**
 * A small Office Open XML (XLSX) writer: enough for exports people open in Excel, LibreOffice or
 * Google Sheets. Each sheet has a bold, frozen header row; numbers are numbers, everything else is
 * an inline string (no shared-strings table to keep in step), with the same clean-up and formula
 * neutralisation as the CSV writer (see @dapkit/csv). Parts written:
 *
 *   [Content_Types].xml          what each part is
 *   _rels/.rels                  points at the workbook
 *   xl/workbook.xml              the sheet list
 *   xl/_rels/workbook.xml.rels   the sheets and styles the workbook uses
 *   xl/styles.xml                style 0 plain, style 1 bold (the header)
 *   xl/worksheets/sheetN.xml     one per sheet
 */

/** One sheet of a workbook: its tab name and its table. */
export interface XlsxSheet extends Table {
  name: string;
}

/** The media type of an XLSX file. */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const BOLD_STYLE = 1;
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

function cellXml(cell: Cell, ref: string, style: number): string {
  const s = style === 0 ? "" : ` s="${String(style)}"`;
  if (cell == null) return style === 0 ? "" : `<c r="${ref}"${s}/>`;
  if (cell.kind === "number") return `<c r="${ref}"${s}><v>${String(cell.value)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(fitCell(cell.text))}</t></is></c>`;
}

function displayWidth(cell: Cell): number {
  if (cell == null) return 0;
  const text = cell.kind === "number" ? String(cell.value) : cell.text;
  return Math.max(...text.split("\n").map((line) => line.length));
}

function sheetXml(table: Table): string {
  const rows = [table.header, ...table.rows].map((row) => row.map(toCell));
  const widths = table.header.map((_, column) =>
    Math.min(
      MAX_WIDTH,
      Math.max(MIN_WIDTH, ...rows.map((row) => displayWidth(row[column] ?? null) + 2)),
    ),
  );
  const cols = widths
    .map(
      (width, i) =>
        `<col min="${String(i + 1)}" max="${String(i + 1)}" width="${String(width)}" customWidth="1"/>`,
    )
    .join("");
  const sheetData = rows
    .map((row, r) => {
      const style = r === 0 ? BOLD_STYLE : 0;
      const cells = row.map((cell, c) => cellXml(cell, `${columnName(c)}${String(r + 1)}`, style));
      return `<row r="${String(r + 1)}">${cells.join("")}</row>`;
    })
    .join("");
  return (
    `${XML_HEADER}<worksheet xmlns="${MAIN_NS}">` +
    // The header row stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    "</sheetView></sheetViews>" +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    `<sheetData>${sheetData}</sheetData></worksheet>`
  );
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
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function relationships(targets: readonly { type: string; target: string }[]): string {
  const items = targets.map(
    ({ type, target }, i) =>
      `<Relationship Id="rId${String(i + 1)}" Type="${REL_NS}/${type}" Target="${target}"/>`,
  );
  return `${XML_HEADER}<Relationships xmlns="${PACKAGE_REL_NS}">${items.join("")}</Relationships>`;
}

/** Writes a workbook with one sheet per entry, in order, as the bytes of an .xlsx file. */
export function writeXlsx(sheets: readonly [XlsxSheet, ...XlsxSheet[]]): Uint8Array {
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  const parts = sheets.map((sheet, i) => ({
    path: `worksheets/sheet${String(i + 1)}.xml`,
    xml: sheetXml(sheet),
  }));
  const contentTypes =
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
    parts
      .map(({ path }) => `<Override PartName="/xl/${path}" ContentType="${TYPE}.worksheet+xml"/>`)
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
    "</sheets></workbook>";
  return zipSync(
    {
      "[Content_Types].xml": strToU8(contentTypes),
      "_rels/.rels": strToU8(
        relationships([{ type: "officeDocument", target: "xl/workbook.xml" }]),
      ),
      "xl/workbook.xml": strToU8(workbook),
      "xl/_rels/workbook.xml.rels": strToU8(
        relationships([
          ...parts.map(({ path }) => ({ type: "worksheet", target: path })),
          { type: "styles", target: "styles.xml" },
        ]),
      ),
      "xl/styles.xml": strToU8(STYLES),
      ...Object.fromEntries(parts.map(({ path, xml }) => [`xl/${path}`, strToU8(xml)])),
    },
    { level: 6 },
  );
}
