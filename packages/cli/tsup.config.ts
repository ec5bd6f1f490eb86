import { cpSync } from "node:fs";

import { definePackageBuild } from "@dapkit/tooling/tsup";

export default {
  ...definePackageBuild({ index: "src/index.ts", cli: "src/cli.ts" }),
  // The binary uses node:fs and process; the shared config's neutral platform is for pure packages.
  platform: "node",
  // The examples the README runs ship in the package (its "files"), copied from the repository's one
  // examples folder at each build so there is no second copy to keep in step.
  onSuccess: () => {
    cpSync("../../examples", "examples", { recursive: true });
    return Promise.resolve();
  },
};
