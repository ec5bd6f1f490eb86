import { definePackageBuild } from "@dapkit/tooling/tsup";

const subpaths = ["schemas", "funding", "daha", "training", "client"] as const;

export default {
  ...definePackageBuild({
    index: "src/index.ts",
    ...Object.fromEntries(subpaths.map((name) => [name, `src/${name}.ts`])),
  }),
  // esbuild's code splitting loses `export * from "<external package>"`, so each entry is built on its
  // own, and the root entry's imports of the subpath entries are left for Node.js to resolve.
  splitting: false,
  external: [new RegExp(`^\\./(${subpaths.join("|")})\\.js$`)],
};
