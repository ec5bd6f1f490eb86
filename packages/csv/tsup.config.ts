import { definePackageBuild } from "@dapkit/tooling/tsup";

export default definePackageBuild({ index: "src/index.ts" });
