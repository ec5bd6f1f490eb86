/**
 * dapkit's one install for councils: the domain schemas, the funding maths, the DAHA accreditation
 * model, the training funnel and a typed client for a running tracker. Each part is also its own
 * subpath (`@dapkit/sdk/funding`, `/daha`, `/training`, `/schemas`, `/client`), so code that needs
 * only the maths never loads the client.
 *
 * @packageDocumentation
 */
// The `.js` paths stay as they are in the build (see tsup.config.ts): the root entry re-exports the
// subpath entries instead of bundling a second copy of them, so each export exists once.
export * from "./schemas.js";
export * from "./funding.js";
export * from "./daha.js";
export * from "./training.js";
export * from "./client.js";
