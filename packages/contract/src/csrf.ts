/**
 * The header the tracker requires on every request that changes data. A page on another site
 * cannot add a custom header to a form post, nor to a cross-site fetch without a CORS approval the
 * tracker never gives, so its presence shows the request came from the tracker's own web app, the
 * SDK or a script, not a forged form.
 */
export const CSRF_HEADER = "x-dapkit-request";

/**
 * The headers every client sends with each request so that changes are accepted.
 *
 * @example
 * await fetch("/api/evidence/e1/files", { method: "POST", headers: CSRF_HEADERS, body });
 */
export const CSRF_HEADERS: Readonly<Record<typeof CSRF_HEADER, string>> = { [CSRF_HEADER]: "1" };
