import { MAX_PAGE_SIZE, type PageRequest } from "@dapkit/contract";
import type { CellValue, Table } from "@dapkit/csv";

import type { createCaller } from "../router";
import type { CellFormat } from "../xlsx/cell-formats";

/** The API as the signed-in user who asked for the export. */
export type Caller = ReturnType<typeof createCaller>;

/** One column of an export: its heading, how to read it from a row, and how to show it. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /**
   * A spreadsheet's cell format (a date, money in pence, a rate as a fraction…); the XLSX holds a
   * typed cell, the CSV the same value as unambiguous text (see csv-values.ts).
   */
  format?: CellFormat;
}

/** A loaded sheet: its table, and each column's format. */
export interface ExportTable extends Table {
  formats: readonly (CellFormat | undefined)[];
}

/** A list to export: where its rows come from and the columns to show. */
export interface SheetDeclaration<Row> {
  title: string;
  /**
   * Fetches the rows by calling a procedure as the user, never the database directly, so the
   * export is exactly as permitted and as scoped (organisation, a manager's own team) as the page.
   */
  rows: (caller: Caller, query: URLSearchParams) => Promise<readonly Row[]>;
  columns: readonly Column<Row>[];
}

/** A declared list, ready to load as a table. */
export interface Sheet {
  title: string;
  /** Loads the table; `query` is the download address's query string (a list's filters). */
  load: (caller: Caller, query?: URLSearchParams) => Promise<ExportTable>;
}

/** One entry of the export registry: `/api/export/<name>.csv` and `.xlsx`. */
export interface ExportDefinition {
  /** The URL and file name part, in kebab-case. */
  name: string;
  title: string;
  /** A CSV holds one table, so an export of several sheets is offered as XLSX only. */
  sheets: readonly [Sheet, ...Sheet[]];
}

/** Makes a list declaration into a sheet; the row type is checked here and then forgotten. */
export function sheet<Row>(declaration: SheetDeclaration<Row>): Sheet {
  const { title, rows, columns } = declaration;
  return {
    title,
    load: async (caller, query = new URLSearchParams()) => ({
      header: columns.map((column) => column.header),
      formats: columns.map((column) => column.format),
      rows: (await rows(caller, query)).map((row) => columns.map((column) => column.value(row))),
    }),
  };
}

/** An export of one list, named by its URL name. */
export function defineExport<Row>(
  declaration: SheetDeclaration<Row> & { name: string },
): ExportDefinition {
  return { name: declaration.name, title: declaration.title, sheets: [sheet(declaration)] };
}

/**
 * The filters a download address carries (`?sessionId=…`), those named and not empty; the list's
 * procedure checks them, so a bad one is refused, naming it, rather than ignored.
 */
export function queryFilter<Name extends string>(
  query: URLSearchParams,
  names: readonly Name[],
): Partial<Record<Name, string>> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = query.get(name);
      return value == null || value === "" ? [] : [[name, value]];
    }),
  ) as Partial<Record<Name, string>>;
}

/**
 * Every row of a paginated list, fetched page by page at the largest page size, each page after
 * the last row of the one before: rows added or removed while the export runs neither repeat nor
 * push another row out of it.
 */
export async function allPages<Item>(
  fetchPage: (
    page: PageRequest,
  ) => Promise<{ items: readonly Item[]; total: number; next: string | null }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let result = await fetchPage({ page: 1, pageSize: MAX_PAGE_SIZE });
  items.push(...result.items);
  for (let page = 2; result.next != null; page += 1) {
    result = await fetchPage({ page, pageSize: MAX_PAGE_SIZE, after: result.next });
    items.push(...result.items);
  }
  return items;
}
