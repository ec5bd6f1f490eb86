import { writeCsv } from "@dapkit/csv";
import { londonToday } from "@dapkit/schemas";

import type { Context } from "../context";
import { AppError } from "../errors";
import { createCaller } from "../router";
import { writeXlsx, XLSX_MEDIA_TYPE, type XlsxSheet } from "../xlsx/write-xlsx";
import { csvTable } from "./csv-values";
import type { Caller, Sheet } from "./define-export";
import { findExport } from "./registry";

/** The formats every export comes in. */
export type ExportFormat = "csv" | "xlsx";

/** A finished export, ready to send as a download. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

async function loadSheet(
  sheet: Sheet,
  caller: Caller,
  query: URLSearchParams | undefined,
): Promise<XlsxSheet> {
  return { name: sheet.title, ...(await sheet.load(caller, query)) };
}

/**
 * Builds the named export for the signed-in user. Rows come through the API as that user, so a
 * role that may not see a list gets the procedure's own FORBIDDEN, and nothing crosses tenants.
 */
export async function runExport(
  ctx: Context,
  request: { name: string; format: ExportFormat; query?: URLSearchParams },
): Promise<ExportFile> {
  // Checked first so that someone signed out learns nothing, not even which exports exist.
  if (ctx.session == null) throw new AppError("unauthorised", "Sign in to continue");
  const definition = findExport(request.name);
  if (definition === undefined) {
    throw new AppError("not_found", `There is no export called “${request.name}”`);
  }
  const caller = createCaller(ctx);
  const fileName = `dapkit-${definition.name}-${londonToday(ctx.now())}.${request.format}`;
  const [first, ...rest] = definition.sheets;
  if (request.format === "csv") {
    if (rest.length > 0) {
      throw new AppError(
        "not_found",
        `The ${definition.title.toLowerCase()} export has several sheets, so it comes as a workbook: download ${definition.name}.xlsx`,
      );
    }
    const csv = writeCsv(csvTable(await first.load(caller, request.query)));
    return { fileName, contentType: "text/csv; charset=utf-8", body: Buffer.from(csv, "utf8") };
  }
  // One after another: the database is synchronous, so loading sheets at once would gain nothing.
  const sheets: [XlsxSheet, ...XlsxSheet[]] = [await loadSheet(first, caller, request.query)];
  for (const sheet of rest) sheets.push(await loadSheet(sheet, caller, request.query));
  return { fileName, contentType: XLSX_MEDIA_TYPE, body: writeXlsx(sheets) };
}
