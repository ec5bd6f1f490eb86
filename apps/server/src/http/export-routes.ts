import { authorise } from "../auth/authorise";
import { runExport } from "../exports/run-export";
import { recordRead } from "../services/audit/record-read";
import type { Route } from "./route";
import { sendError } from "./send";

/**
 * GET /api/export/<name>.csv and /api/export/<name>.xlsx: every list in the app as a download
 * (see exports/registry.ts). Errors are JSON `{ error: { code, message } }` with the HTTP status.
 */
export const exportRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: /^\/api\/export\/(?<name>[a-z][a-z0-9-]*)\.(?<format>csv|xlsx)$/,
    async handle({ res, url, params, ctx }) {
      try {
        // Each sheet's procedure checks its own permission; this refuses a signed-out caller
        // before anything else, so they learn nothing, not even which exports exist.
        const user = authorise(ctx, "signedIn", `GET /api/export/${params.name ?? ""}`);
        const file = await runExport(ctx, {
          name: params.name ?? "",
          format: params.format === "csv" ? "csv" : "xlsx",
          // A list's filters, as its page has them (the audit log's person, action, dates).
          query: url.searchParams,
        });
        recordRead(ctx.db, {
          user,
          at: ctx.now(),
          source: ctx.request.ip,
          entity: "export",
          // The export's address, which names the list and format (the file name adds a date).
          entityId: `${params.name ?? ""}.${params.format ?? ""}`,
        });
        res.statusCode = 200;
        res.setHeader("Content-Type", file.contentType);
        res.setHeader("Content-Disposition", `attachment; filename="${file.fileName}"`);
        res.setHeader("Content-Length", file.body.byteLength);
        // Exports hold personal data: no shared or browser cache keeps a copy.
        res.setHeader("Cache-Control", "no-store");
        res.end(file.body);
      } catch (error) {
        sendError(res, error);
      }
    },
  },
];
