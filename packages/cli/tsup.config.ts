import { definePackageBuild } from "@dapkit/tooling/tsup";

export default {
  ...definePackageBuild({ index: "src/index.ts", cli: "src/cli.ts" }),
  // The binary uses node:fs and process; the shared config's neutral platform is for pure packages.
  platform: "node",
};
