#!/usr/bin/env node
// Fails when committed generated files disagree with their sources:
// drizzle migrations vs the schema, and the TanStack route tree vs client/src/routes.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

// 1. Migrations: drizzle-kit generate must have nothing to do.
const out = run("npx", ["drizzle-kit", "generate", "--name", "check"], { cwd: "server" });
if (!/No schema changes/i.test(out)) {
  console.error("✘ The Drizzle schema has changes without a migration. Run `pnpm db:generate` and commit the result.");
  run("git", ["checkout", "--", "server/src/db/migrations"]);
  run("git", ["clean", "-fdq", "server/src/db/migrations"]);
  process.exit(1);
}
console.log("✔ migrations match the schema");

// 2. Route tree: regenerate and compare.
const file = "client/src/routeTree.gen.ts";
const before = readFileSync(file, "utf8");
run("node", ["scripts/gen-routes.mjs"]);
const after = readFileSync(file, "utf8");
if (before !== after) {
  console.error(`✘ ${file} was out of date; it has been regenerated — commit it.`);
  process.exit(1);
}
console.log("✔ route tree is up to date");
