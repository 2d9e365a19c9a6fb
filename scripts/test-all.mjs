#!/usr/bin/env node
// Runs every test tier in order and stops at the first failure:
// generated files, typecheck, lint, unit + integration (vitest), then browser tests.
// With TEST_DATABASE_URL set, the server suites run twice: on PGlite and on PostgreSQL.
import { spawnSync } from "node:child_process";
import { pnpmCommand } from "./pnpm-cmd.mjs";

const pnpm = pnpmCommand();
const steps = [
  ["generated files are up to date", ["run", "db:check"]],
  ["typecheck", ["run", "typecheck"]],
  ["lint", ["run", "lint"]],
  ["unit and integration tests (embedded: PGlite, local disk)", ["exec", "vitest", "run"], { TEST_DATABASE_URL: "", S3_TEST_ENDPOINT: "" }],
];
if (process.env.TEST_DATABASE_URL || process.env.S3_TEST_ENDPOINT) {
  steps.push(["server tests on the real services (PostgreSQL, S3)", ["exec", "vitest", "run", "--project", "server"], {}]);
}
steps.push(["browser tests (Chromium)", ["run", "test:e2e"]]);

const results = [];
for (const [name, args, extraEnv = {}] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) break;
}
console.log("\n━━ summary ━━");
for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length;
if (failed || results.length < steps.length) {
  console.log(`\n${results.length - failed} steps passed, ${failed} failed`);
  process.exit(1);
}
console.log(`\nAll ${results.length} test steps passed.`);
