/**
 * Co-commissioning maths for UK domestic abuse partnerships: money in pence, financial years, exact
 * allocation, funding plans, variance checks, demand ratios and cost-benefit. This file is the public API.
 *
 * @packageDocumentation
 */
export {
  allocateByPercent,
  allocateByWeight,
  type Allocation,
  type PercentShare,
  type WeightShare,
} from "./allocate";
export {
  GREEN_BOOK_STPR,
  GREEN_BOOK_STPR_SCHEDULE,
  applyOptimismBias,
  benefitCostRatio,
  discountFactor,
  npv,
  presentValue,
  type CashFlow,
  type DiscountBand,
  type DiscountOptions,
  type DiscountSchedule,
} from "./cost-benefit";
export {
  IDVA_CASES_PER_FTE,
  MARAC_CASES_PER_10000_ADULT_WOMEN,
  MARAC_CASES_PER_ADMIN_FTE,
  REFUGE_FAMILY_SPACES_PER_10000_PEOPLE,
  costPerVictim,
  maracDemand,
  ratePer,
  refugeSpaces,
  type MaracDemand,
  type MaracDemandOverrides,
  type RefugeSpacesOverrides,
  type SourcedConstant,
} from "./demand";
export {
  COMPARED_LINE_LABELS,
  compareFundingPlans,
  type ComparablePlan,
  type ComparableFigures,
  type ComparedLine,
  type ComparedYear,
} from "./compare-plans";
export {
  TABLE_DIAGNOSIS_LABELS,
  checkCouncilTable,
  type CouncilTableCheck,
  type TableCellFinding,
  type TableDiagnosis,
} from "./council-table-check";
export {
  readCouncilTable,
  readTableMoney,
  type CouncilTable,
  type CouncilTableColumns,
  type ReadCouncilTableOptions,
  type TableRecord,
} from "./council-table";
export {
  splitAtDisplayUnit,
  type SplitAtDisplayUnitOptions,
  type TableAtUnit,
} from "./display-unit-split";
export { ENGLAND_SECTOR_COSTS, fairShares, type FairShare } from "./fair-shares";
export {
  FundingInputError,
  type FundingInputErrorCode,
  type FundingInputErrorDetails,
} from "./errors";
export {
  financialYearOf,
  formatFinancialYear,
  parseFinancialYear,
  type FinancialYear,
  type FinancialYearStyle,
  type FormatFinancialYearOptions,
} from "./financial-year";
export { financialQuarter, type FinancialQuarter, type QuarterNumber } from "./financial-quarter";
export {
  formatMoney,
  parseMoney,
  pence,
  pounds,
  type FormatMoneyOptions,
  type MoneyStyle,
  type ParseMoneyOptions,
} from "./money";
export {
  partnerShares,
  type PartnerShare,
  type PartnerSharesInput,
  type SectorCost,
} from "./partner-shares";
export {
  planFunding,
  type FundingPlanFigures,
  type FundingPlanResult,
  type FundingPlanYear,
  type PartnerAmount,
  type PlanIncome,
  type ReserveTotal,
  type WorkstreamAmount,
} from "./plan-funding";
export { type PlanWarning, type PlanWarningCode } from "./plan-warnings";
export {
  coverage,
  impliedPopulation,
  positionInRange,
  type Coverage,
  type RangePosition,
} from "./ratios";
export {
  reconcileVariance,
  type ReconciledVarianceRow,
  type ReconcileVarianceOptions,
  type ReportedVarianceTotals,
  type VarianceDiscrepancy,
  type VarianceReconciliation,
  type VarianceRowInput,
  type VarianceTotals,
} from "./reconcile-variance";
export { SECTOR_LABELS } from "./sector-words";
export { type SpendBasis, type WorkstreamCost } from "./workstream-costs";
