/**
 * zod schemas and inferred types for the whole domain: funding plans, money, financial years, staff,
 * training, DAHA evidence and recommendations. The same exports as `@dapkit/schemas`.
 *
 * @packageDocumentation
 */
export * from "@dapkit/schemas";
