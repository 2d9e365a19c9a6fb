import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Browser tests run one file at a time against one built server (started in global-setup).
export default defineConfig({
  test: {
    name: "e2e",
    root,
    include: ["client/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["client/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
