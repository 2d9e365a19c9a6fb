#!/usr/bin/env node
// One-command backup of the embedded default install (PGlite database + local objects + the generated auth secret):
//   node scripts/data-folder.mjs export <file.tar.gz> [--data-dir DIR]    (pnpm data:export <file>)
//   node scripts/data-folder.mjs import <file.tar.gz> [--data-dir DIR]    (pnpm data:import <file>)
// DIR defaults to $DATA_DIR or ./data. Stop the app first: PGlite is one process's database, and a copy taken
// while it runs may not open. Import only into an empty (or missing) data folder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

function fail(message) {
  console.error(`✘ ${message}`);
  process.exit(1);
}

const [command, file] = process.argv.slice(2);
const flag = process.argv.indexOf("--data-dir");
const dataDir = path.resolve(flag > 0 ? process.argv[flag + 1] : (process.env.DATA_DIR ?? "./data"));
if (!["export", "import"].includes(command) || !file)
  fail("usage: data-folder.mjs export|import <file.tar.gz> [--data-dir DIR]");
const archive = path.resolve(file);

function tar(args) {
  const r = spawnSync("tar", args, { encoding: "utf8" });
  if (r.error) fail(`tar could not start: ${r.error.message}`);
  if (r.status !== 0) fail(`tar failed: ${r.stderr.trim()}`);
}

if (command === "export") {
  if (!existsSync(path.join(dataDir, "pglite", "PG_VERSION")))
    fail(`${dataDir} holds no embedded database (pglite/): nothing to export`);
  if (existsSync(path.join(dataDir, "pglite", "postmaster.pid"))) {
    fail(
      `the database in ${dataDir} is open: stop Image Studio first (if it is not running, it did not stop cleanly: start and stop it once)`,
    );
  }
  if (existsSync(archive)) fail(`${archive} exists: choose a new file name`);
  tar(["-czf", archive, "-C", dataDir, "."]);
  console.log(`✔ exported ${dataDir} to ${archive}`);
} else {
  if (!existsSync(archive)) fail(`${archive} does not exist`);
  if (existsSync(dataDir) && readdirSync(dataDir).length)
    fail(`${dataDir} is not empty: import into a new data folder`);
  mkdirSync(dataDir, { recursive: true });
  tar(["-xzf", archive, "-C", dataDir]);
  if (!existsSync(path.join(dataDir, "pglite", "PG_VERSION"))) fail(`${archive} held no embedded database (pglite/)`);
  console.log(`✔ imported ${archive} into ${dataDir}`);
}
