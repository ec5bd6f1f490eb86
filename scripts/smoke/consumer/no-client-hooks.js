import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier.startsWith("@trpc/")) throw new Error("the maths subpaths loaded " + specifier);
      return next(specifier, context);
    }
  `)}`,
);
