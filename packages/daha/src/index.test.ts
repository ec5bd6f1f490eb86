import { describe, expect, test } from "vitest";

import * as daha from "./index";

describe("@dapkit/daha public API", () => {
  test("exports exactly the documented values", () => {
    expect(Object.keys(daha).sort()).toEqual([
      "ACTION_STATUS_LABELS",
      "DEFAULT_REVIEW_WINDOW_DAYS",
      "DEFAULT_STAFF_DEVELOPMENT_TARGET",
      "DahaRuleError",
      "EVIDENCE_KIND_LABELS",
      "EVIDENCE_STATUS_LABELS",
      "RAG_LABELS",
      "actionPlanChecks",
      "assertEvidenceTransition",
      "assessReadiness",
      "canTransitionEvidence",
      "defaultFramework",
      "evidenceLockReason",
      "evidenceMoves",
      "evidenceStatusAsOf",
      "evidenceTransitions",
      "frameworkMapping",
      "frameworks",
      "getFramework",
      "isActionOverdue",
      "legacyFramework",
      "mapAreaId",
      "staffDevelopmentCheck",
      "suggestActions",
    ]);
  });

  test("an accreditation lead's morning: readiness with live training uptake", () => {
    const readiness = daha.assessReadiness({
      framework: daha.getFramework("daha-2022"),
      asOf: "2025-01-31",
      evidence: [
        {
          id: "e1",
          areaId: daha.mapAreaId("training", { from: "daha-legacy", to: "daha-2022" })[0] ?? "",
          title: "Training plan",
          status: "approved",
          reviewDate: "2025-12-01",
          expiryDate: null,
        },
      ],
      checks: [daha.staffDevelopmentCheck({ attendanceRate: 56 / 90 })],
    });
    expect(readiness.map((area) => area.rag)).toEqual([
      "red",
      "amber",
      "red",
      "red",
      "red",
      "red",
      "red",
      "red",
    ]);
  });
});
