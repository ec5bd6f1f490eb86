/**
 * The server refuses any state-changing request without this header (a page on another site
 * cannot add it), so every fetch, XHR and tRPC call sends it.
 */
export const CSRF_HEADERS: Readonly<Record<string, string>> = { "x-dapkit-request": "1" };
