// The public API of @dapkit/training: everything a council's code may rely on is exported here and
// nowhere else.
export {
  agencyRefusal,
  placesFreeFor,
  type AgencyPlaces,
  type BookingAgency,
  type OpenTo,
  type SessionEligibility,
} from "./agency-places";
export { DEFAULT_BANK_HOLIDAYS, parseBankHolidays, type BankHoliday } from "./bank-holidays";
export {
  chargeFor,
  type Charge,
  type ChargeEvent,
  type ChargeRates,
  type ChargingPolicy,
} from "./charging-policy";
export {
  attendanceFigures,
  attendanceRate,
  type AttendanceFigures,
  type AttendanceRecord,
} from "./board-attendance";
export { formatMean, type MeanOptions } from "./format-mean";
export { formatRate, ratePercent, type RateOptions } from "./format-rate";
export { ENDED_STATES, hasEnded, holdsPlace, isAttendanceOutcome } from "./nomination-states";
export {
  assertAttendanceUndo,
  assertNominationTransition,
  assertUnscheduledAttendance,
  canTransitionNomination,
  nominationTransitions,
} from "./nomination-transitions";
export {
  NOMINATION_ACTIONS,
  NOMINATION_STATE_LABELS,
  nominationActions,
  type NominationAction,
} from "./nomination-words";
export {
  DEFAULT_DUE_WITHIN_DAYS,
  refresherDue,
  type Completion,
  type RefresherDue,
  type RefresherDueInput,
  type RefresherStatus,
} from "./refresher-due";
export { REFRESHER_STATUS_LABELS } from "./refresher-words";
export { requiredLevels, type LevelPerson, type LevelRule } from "./required-levels";
export {
  SESSION_STATUS_ACTIONS,
  SESSION_STATUS_LABELS,
  assertSessionAllows,
  closingProblem,
  sessionAllows,
  sessionRefusal,
  sessionStatus,
  type SessionAction,
  type SessionFacts,
} from "./session-lifecycle";
export { TrainingRuleError, type TrainingRuleErrorCode } from "./training-rule-error";
export { addWorkingDays, workingDaysBetween, type Holidays } from "./working-days";
export {
  funnelFromCounts,
  uptakeFunnel,
  type StateCount,
  type FunnelRecord,
  type GroupableKey,
  type GroupedUptakeFunnel,
  type GroupKeyValue,
  type UptakeFunnel,
  type UptakeGroup,
} from "./uptake-funnel";
