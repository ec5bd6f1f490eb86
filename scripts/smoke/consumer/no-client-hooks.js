// Fails the import of anything only the tracker client needs: its API contract (and so its zod
// schemas of every procedure), or tRPC, which no part of the SDK may load.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier.startsWith("@trpc/") || specifier === "@dapkit/contract") {
        throw new Error("the maths subpaths loaded " + specifier);
      }
      return next(specifier, context);
    }
  `)}`,
);
