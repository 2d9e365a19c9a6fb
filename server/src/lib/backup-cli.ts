import path from "node:path";
import { EnvError, env as loadEnv } from "../env";
import { createStorage } from "../storage";
import { backupTo, BackupError, restoreFrom } from "./backup";

// pnpm backup <dir> | pnpm restore <dir> — PostgreSQL (DATABASE_URL) + the object store (S3_* or DATA_DIR/objects),
// configured like the app. For the embedded default (no DATABASE_URL) use pnpm data:export / data:import.
async function main() {
  const [command, dir] = process.argv.slice(2);
  if (!["backup", "restore"].includes(command ?? "") || !dir)
    throw new BackupError("usage: backup-cli backup|restore <folder>");
  const env = loadEnv();
  if (!env.DATABASE_URL)
    throw new BackupError(
      "DATABASE_URL is not set: this install uses the embedded database — use pnpm data:export / data:import",
    );
  const target = { databaseUrl: env.DATABASE_URL, storage: createStorage(env.storage) };
  const folder = path.resolve(dir);
  if (command === "backup") {
    const m = await backupTo(target, folder);
    process.stdout.write(
      `Backed up the database and ${m.objects.count} objects (${m.objects.bytes} bytes) to ${folder}\n`,
    );
    if (m.missingObjects.length)
      process.stdout.write(
        `Warning: ${m.missingObjects.length} originals were deleted while the backup ran (listed in manifest.json)\n`,
      );
  } else {
    const r = await restoreFrom(target, folder);
    process.stdout.write(`Restored the database and ${r.objects} objects from ${folder}\n`);
  }
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof EnvError;
  process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
