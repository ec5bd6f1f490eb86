export {
  EmailSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LabelSchema,
  NoteSchema,
  oneOf,
} from "./common";
export {
  addMonths,
  formatIsoDate,
  formatUkDate,
  readIsoDate,
  toDayNumber,
  type CalendarDate,
} from "./calendar-date";
export { describeValue } from "./describe-value";
export { formatCount, plural } from "./format-count";
export { durationWords } from "./duration-words";
export {
  formatDate,
  formatDateTime,
  formatTime,
  LONDON_TIME_ZONE,
  LondonTimeError,
  londonInstant,
  londonToday,
  londonWallClock,
  parseClockTime,
  type LondonTimeErrorCode,
  type LondonWallClock,
} from "./london-time";
export { FinancialYearLabelSchema, type FinancialYearLabel } from "./financial-year";
export { canonicalFinancialYear, readFinancialYearSpelling } from "./financial-year-spelling";
export { formatIssues } from "./format-issues";
export {
  CONTRIBUTION_KINDS,
  FundingPlanSchema,
  SECTORS,
  PartnerSchema,
  PlanCarryForwardSchema,
  PlanContributionSchema,
  PlanCostSchema,
  PlanGrantSchema,
  PlanReserveDrawdownSchema,
  PlanWorkstreamCostSchema,
  SectorSchema,
  WorkstreamSchema,
  type ContributionKind,
  type FundingPlan,
  type FundingPlanInput,
  type Partner,
  type Sector,
  type Workstream,
} from "./funding-plan";
export {
  ACTION_STATUSES,
  ActionPlanActionSchema,
  ActionStatusSchema,
  type ActionPlanAction,
  type ActionStatus,
} from "./action-plan";
export {
  EVIDENCE_KINDS,
  EVIDENCE_STATUSES,
  EvidenceItemSchema,
  EvidenceKindSchema,
  EvidenceStatusSchema,
  FrameworkSchema,
  PriorityAreaSchema,
  type EvidenceItem,
  type EvidenceKind,
  type EvidenceStatus,
  type Framework,
  type PriorityArea,
} from "./daha";
export { NonNegativePenceSchema, PenceSchema, PercentSchema, type Pence } from "./money";
export {
  RAG_RATINGS,
  RagRatingSchema,
  RECOMMENDATION_STATUSES,
  RecommendationSchema,
  RecommendationStatusSchema,
  RecommendationUpdateSchema,
  type RagRating,
  type Recommendation,
  type RecommendationStatus,
  type RecommendationUpdate,
} from "./recommendation";
export { RAG_RATING_LABELS, RECOMMENDATION_STATUS_LABELS } from "./recommendation-words";
export {
  VarianceRowSchema,
  VarianceTableSchema,
  VarianceTablesSchema,
  type VarianceTable,
  type VarianceTableInput,
} from "./variance-table";
export { DepartmentSchema, StaffMemberSchema, type Department, type StaffMember } from "./staff";
export {
  ATTENDANCE_OUTCOMES,
  AttendanceOutcomeSchema,
  NOMINATION_STATES,
  CourseSchema,
  NominationHistoryEntrySchema,
  NominationSchema,
  NominationStateSchema,
  SESSION_STATUSES,
  SessionStatusSchema,
  TrainingSessionSchema,
  type AttendanceOutcome,
  type Course,
  type Nomination,
  type NominationHistoryEntry,
  type NominationState,
  type SessionStatus,
  type TrainingSession,
} from "./training";
