import { unzipSync } from "fflate";

import type { TableRecord } from "@dapkit/funding";

import { AppError } from "../../errors";

/**
 * Reads the first sheet of an XLSX workbook as rows of text, enough to check a published table:
 * numbers as they are stored, percentages (cells formatted as %) as "17%", text from the shared
 * strings or inline. Formulas count by their stored result. Only the parts needed are unzipped,
 * and each is refused above a size a one-page table never reaches, so memory stays bounded
 * whatever the file claims to hold.
 */

const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";
// A sheet of a few hundred rows is far smaller; a zip bomb is refused before it is inflated.
const MAX_PART_BYTES = 4_000_000;
// Columns beyond these are not part of a variance table.
const MAX_COLUMNS = 50;
// Excel's built-in percentage formats.
const PERCENT_FORMATS = new Set([9, 10]);

function notAWorkbook(why: string, cause?: unknown): AppError {
  return new AppError("bad_request", `The file cannot be read as an XLSX workbook: ${why}.`, {
    field: "base64",
    cause,
  });
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// The text runs of a string item (<si> or <is>): rich text has several <t> in <r> runs.
function textOf(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((match) => decodeXml(match[1] ?? ""))
    .join("");
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((match) => textOf(match[1] ?? ""));
}

// Which cell styles (by index) show a number as a percentage.
function percentStyles(xml: string | undefined): Set<number> {
  if (xml === undefined) return new Set();
  const custom = new Set(
    [...xml.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)]
      .filter((match) => decodeXml(match[2] ?? "").includes("%"))
      .map((match) => Number(match[1])),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const styles = new Set<number>();
  [...cellXfs.matchAll(/<xf\s[^>]*?(?:\/>|>)/g)].forEach((match, index) => {
    const format = Number(/numFmtId="(\d+)"/.exec(match[0])?.[1] ?? "0");
    if (PERCENT_FORMATS.has(format) || custom.has(format)) styles.add(index);
  });
  return styles;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "A";
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

// A stored number as a table prints it: 0.17 in a % cell is "17%".
function numberText(value: string, percent: boolean): string {
  if (!percent) return value;
  const scaled = Number(value) * 100;
  return `${String(Math.round(scaled * 1e6) / 1e6)}%`;
}

function cellText(cell: string, strings: readonly string[], percents: Set<number>): string {
  const attributes = /^<c\b([^>]*)/.exec(cell)?.[1] ?? "";
  const type = /\bt="([^"]*)"/.exec(attributes)?.[1] ?? "n";
  const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? "0");
  if (type === "inlineStr") return textOf(/<is>([\s\S]*?)<\/is>/.exec(cell)?.[1] ?? "");
  const value = decodeXml(/<v>([\s\S]*?)<\/v>/.exec(cell)?.[1] ?? "");
  if (type === "s") return strings[Number(value)] ?? "";
  if (type === "n" && value !== "") return numberText(value, percents.has(style));
  return value;
}

function unzipParts(bytes: Uint8Array): Record<string, string> {
  const wanted = new Set([SHEET, STRINGS, STYLES]);
  let tooBig: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted.has(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) tooBig = file.name;
        return tooBig == null;
      },
    });
  } catch (error) {
    throw notAWorkbook("it is not a zip file as XLSX files are", error);
  }
  if (tooBig != null) {
    throw notAWorkbook("its first sheet is far larger than a published table");
  }
  const decoder = new TextDecoder();
  return Object.fromEntries(
    Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]),
  );
}

/** The rows of the first sheet of an XLSX file given in base64, each with its row number. */
export function recordsFromXlsx(base64: string): TableRecord[] {
  const parts = unzipParts(Buffer.from(base64, "base64"));
  const sheet = parts[SHEET];
  if (sheet === undefined) throw notAWorkbook("it has no first sheet");
  const strings = sharedStrings(parts[STRINGS]);
  const percents = percentStyles(parts[STYLES]);
  const records: TableRecord[] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const line = Number(/\br="(\d+)"/.exec(row[1] ?? "")?.[1] ?? records.length + 1);
    const cells: string[] = [];
    for (const cell of (row[2] ?? "").matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const ref = /\br="([A-Z]+)\d+"/.exec(cell[0])?.[1];
      const index = ref === undefined ? cells.length : columnIndex(ref);
      if (index >= MAX_COLUMNS) continue;
      while (cells.length < index) cells.push("");
      cells[index] = cellText(cell[0], strings, percents).trim();
    }
    if (cells.some((cell) => cell !== "")) records.push({ line, cells });
  }
  return records;
}
