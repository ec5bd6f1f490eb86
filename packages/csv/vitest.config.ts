import { defineTestConfig } from "@dapkit/tooling/vitest";

export default defineTestConfig({ coverage: true });
