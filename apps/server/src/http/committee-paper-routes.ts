import { authorise } from "../auth/authorise";
import { recordRead } from "../services/audit/record-read";
import { paperWithFigures } from "../services/committee-papers/committee-paper-store";
import { renderPaperDocx } from "../services/committee-papers/render-docx";
import { attachmentDisposition } from "./evidence-routes";
import type { Route } from "./route";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The file is named for the meeting, which is how committee clerks file papers.
function fileName(paper: { committee: string; meetingDate: string }): string {
  const committee = paper.committee.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${paper.meetingDate}-${committee || "committee"}-paper.docx`;
}

/** The committee paper as a Word document, its figures written from live data as it downloads. */
export const committeePaperRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: /^\/api\/committee-papers\/(?<id>[^/]{1,64})\.docx$/,
    async handle({ res, params, ctx }) {
      const user = authorise(ctx, "readRecommendations", "GET /api/committee-papers/{id}.docx");
      const scope = { db: ctx.db, user, now: ctx.now() };
      const paper = paperWithFigures(scope, params.id ?? "");
      const body = await renderPaperDocx(paper.built);
      recordRead(scope.db, {
        user,
        at: scope.now,
        source: ctx.request.ip,
        entity: "committee_paper",
        entityId: paper.id,
      });
      res.statusCode = 200;
      res.setHeader("Content-Type", DOCX);
      res.setHeader("Content-Disposition", attachmentDisposition(fileName(paper)));
      res.setHeader("Content-Length", String(body.byteLength));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "private, no-store");
      res.end(body);
    },
  },
];
