#!/usr/bin/env node
// Browser tests: builds the app, then runs client/e2e with playwright-core driving the system Chromium.
// Without a Chromium on the machine they are skipped with a clear notice — except under CI, where that fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pnpmCommand } from "./pnpm-cmd.mjs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean);
const chromium = candidates.find((p) => existsSync(p));
if (!chromium) {
  const msg = "No Chromium found (set CHROMIUM_PATH, or `apt-get install chromium`).";
  if (process.env.CI) {
    console.error(`✘ ${msg} Browser tests are required in CI.`);
    process.exit(1);
  }
  console.warn(`⚠ ${msg} Browser tests SKIPPED.`);
  process.exit(0);
}
const pnpm = pnpmCommand();
const run = (args, env = {}) => {
  const r = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.error) console.error(`✘ could not run ${pnpm.join(" ")}: ${r.error.message}`);
  return r.status ?? 1;
};

if (!process.env.E2E_SKIP_BUILD && run(["run", "build"]) !== 0) process.exit(1);
process.exit(run(["exec", "vitest", "run", "--config", "client/e2e/vitest.config.ts", ...process.argv.slice(2)], { CHROMIUM_PATH: chromium }));
