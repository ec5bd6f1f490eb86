import { account } from "./account";
import { actionPlan } from "./action-plan";
import { audit } from "./audit";
import { auth } from "./auth";
import { boardReport } from "./board-report";
import { charges } from "./charges";
import { committeePapers } from "./committee-papers";
import { evaluation } from "./evaluation";
import { evidence } from "./evidence";
import { funding } from "./funding";
import { messages } from "./messages";
import { myTraining } from "./my-training";
import { organisation } from "./organisation";
import { partnership } from "./partnership";
import { programmeCosts } from "./programme-costs";
import { recommendations } from "./recommendations";
import { reports } from "./reports";
import { staff } from "./staff";
import { training } from "./training";
import { trainingFramework } from "./training-framework";
import { users } from "./users";

/**
 * Every procedure of the tracker's API, nested as the API names them (`training.sessions.list`).
 * The server builds one procedure from each entry and an architecture test holds it to exactly
 * these.
 */
export const contract = {
  account,
  actionPlan,
  audit,
  auth,
  boardReport,
  charges,
  committeePapers,
  evaluation,
  evidence,
  funding,
  messages,
  myTraining,
  organisation,
  partnership,
  programmeCosts,
  recommendations,
  reports,
  staff,
  training,
  trainingFramework,
  users,
};

/** The shape of the whole contract. */
export type Contract = typeof contract;
