// The public API of @dapkit/daha: everything a council's code may rely on is exported here and
// nowhere else.
export {
  ACTION_STATUS_LABELS,
  actionPlanChecks,
  isActionOverdue,
  suggestActions,
  type PlanAction,
  type SuggestedAction,
} from "./action-plan";
export {
  assessReadiness,
  DEFAULT_REVIEW_WINDOW_DAYS,
  type AreaReadiness,
  type Rag,
  type ReadinessCheck,
  type ReadinessCounts,
  type ReadinessEvidence,
  type ReadinessFramework,
  type ReadinessInput,
} from "./assess-readiness";
export { DahaRuleError, type DahaRuleErrorCode } from "./daha-rule-error";
export { evidenceStatusAsOf, type EvidenceDates } from "./evidence-status-as-of";
export {
  assertEvidenceTransition,
  canTransitionEvidence,
  evidenceTransitions,
} from "./evidence-transitions";
export { evidenceLockReason } from "./evidence-editing";
export {
  EVIDENCE_KIND_LABELS,
  EVIDENCE_STATUS_LABELS,
  evidenceMoves,
  RAG_LABELS,
  type EvidenceMove,
} from "./evidence-words";
export { frameworkMapping, mapAreaId, type AreaLink } from "./framework-mapping";
export {
  defaultFramework,
  frameworks,
  getFramework,
  legacyFramework,
  type DahaFramework,
} from "./frameworks";
export {
  DEFAULT_STAFF_DEVELOPMENT_TARGET,
  staffDevelopmentCheck,
  type StaffDevelopmentCheckInput,
} from "./staff-development-check";
