import { defineTestConfig } from "@dapkit/tooling/vitest";

export default defineTestConfig({ testTimeout: 20_000 });
