/**
 * Co-commissioning maths: money in pence, financial years, exact allocation, funding plans, variance
 * checks, demand ratios and cost-benefit. The same exports as `@dapkit/funding`.
 *
 * @packageDocumentation
 */
export * from "@dapkit/funding";
