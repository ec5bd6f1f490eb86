import type { PageRequest } from "@dapkit/contract";

/** One page of a list, with the number of rows that match across every page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The LIMIT and OFFSET of a page. */
export function pageWindow(request: PageRequest): { limit: number; offset: number } {
  return { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
}

/** Wraps the rows of one page with the total and the request it answers. */
export function pageOf<T>(request: PageRequest, result: { items: T[]; total: number }): Page<T> {
  return { ...result, page: request.page, pageSize: request.pageSize };
}
