import { accountRouter } from "./routers/account";
import { actionPlanRouter } from "./routers/action-plan";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { chargesRouter } from "./routers/charges";
import { boardReportRouter } from "./routers/board-report";
import { committeePapersRouter } from "./routers/committee-papers";
import { evaluationRouter } from "./routers/evaluation";
import { evidenceRouter } from "./routers/evidence";
import { fundingRouter } from "./routers/funding";
import { messagesRouter } from "./routers/messages";
import { myTrainingRouter } from "./routers/my-training";
import { organisationRouter } from "./routers/organisation";
import { partnershipRouter } from "./routers/partnership";
import { programmeCostsRouter } from "./routers/programme-costs";
import { recommendationsRouter } from "./routers/recommendations";
import { reportsRouter } from "./routers/reports";
import { staffRouter } from "./routers/staff";
import { trainingRouter } from "./routers/training";
import { trainingFrameworkRouter } from "./routers/training-framework";
import { usersRouter } from "./routers/users";
import { createCallerFactory, router } from "./trpc";

/** The whole tracker API. The web client and the SDK import only its type. */
export const appRouter = router({
  account: accountRouter,
  actionPlan: actionPlanRouter,
  audit: auditRouter,
  auth: authRouter,
  charges: chargesRouter,
  boardReport: boardReportRouter,
  committeePapers: committeePapersRouter,
  evaluation: evaluationRouter,
  evidence: evidenceRouter,
  funding: fundingRouter,
  messages: messagesRouter,
  myTraining: myTrainingRouter,
  organisation: organisationRouter,
  partnership: partnershipRouter,
  programmeCosts: programmeCostsRouter,
  recommendations: recommendationsRouter,
  reports: reportsRouter,
  staff: staffRouter,
  training: trainingRouter,
  trainingFramework: trainingFrameworkRouter,
  users: usersRouter,
});

/** The type clients use to call the API with full type safety. */
export type AppRouter = typeof appRouter;

/** Calls procedures directly, without HTTP (tests, exports, the CLI). */
export const createCaller = createCallerFactory(appRouter);
