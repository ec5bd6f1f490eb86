import { defineTestConfig } from "@dapkit/tooling/vitest";

export default defineTestConfig({ environment: "happy-dom" });
