import { committeePaperRoutes } from "./committee-paper-routes";
import { evidenceRoutes } from "./evidence-routes";
import { exportRoutes } from "./export-routes";
import type { Route } from "./route";
import { trainingDocumentRoutes } from "./training-document-routes";
import { ssoRoutes } from "./sso-routes";

/** Every plain HTTP route the server answers under /api/ (and /verify/, the public check). */
export const routes: readonly Route[] = [
  ...committeePaperRoutes,
  ...evidenceRoutes,
  ...exportRoutes,
  ...ssoRoutes,
  ...trainingDocumentRoutes,
];
