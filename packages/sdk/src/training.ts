/**
 * Training uptake: the nomination to attendance funnel, uptake rates and refresher due dates. The same
 * exports as `@dapkit/training`.
 *
 * @packageDocumentation
 */
export * from "@dapkit/training";
