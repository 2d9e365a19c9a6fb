#!/usr/bin/env node
// Backup and restore of a PostgreSQL + object-store install (docs/deploy.md, "Backups"):
//   pnpm backup <new-folder>     pg_dump of DATABASE_URL, then every object of the store, plus a manifest
//   pnpm restore <folder>        into an empty database (not migrated) and an empty bucket/folder
// Configured like the app (.env / environment). Needs pg_dump and pg_restore of the server's major version or newer.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "server", "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
const r = spawnSync(tsx, [path.join(root, "server/src/lib/backup-cli.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
if (r.error) console.error(`could not start tsx (${r.error.message}): run pnpm install first`);
process.exit(r.status ?? 1);
