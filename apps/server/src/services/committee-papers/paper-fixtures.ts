import type { CommitteePaperDraft } from "@dapkit/contract";

/** A well-formed paper draft for tests: every section, the appendix, the given funding plan. */
export function matrixPaper(committee: string, fundingPlanId: string | null): CommitteePaperDraft {
  return {
    committee,
    meetingDate: "2022-04-05",
    reportOf: "Head of Community Safety",
    title: "Domestic Abuse Review Recommendations Update",
    purpose: "An update on progress against the review's recommendations",
    keyDecision: false,
    recommendations: ["Members note and comment on the update"],
    fundingPlanId,
    includeAppendix: true,
    sections: [
      { key: "introduction", narrative: ["Scrutiny asked for an update."] },
      { key: "accreditation", narrative: [] },
      { key: "training", narrative: ["The feedback was very positive."] },
      { key: "partnershipTraining", narrative: [] },
      { key: "recommendations", narrative: [] },
      { key: "financial", narrative: ["Accreditation costs about £2k a year."] },
      { key: "legal", narrative: ["No legal issues."] },
      { key: "conclusion", narrative: ["Much work is under way."] },
    ],
  };
}
