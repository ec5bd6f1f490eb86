/**
 * The DAHA accreditation model: versioned frameworks of priority areas, evidence rules and readiness
 * scoring. The same exports as `@dapkit/daha`.
 *
 * @packageDocumentation
 */
export * from "@dapkit/daha";
