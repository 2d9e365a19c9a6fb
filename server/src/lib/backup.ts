import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import type { Storage } from "../storage";

/**
 * Backup and restore of a PostgreSQL + object-store install. The database is dumped first (pg_dump: one snapshot);
 * the objects are copied after it, so every object a dumped row names is in the backup unless it was deleted in
 * between — those are listed in the manifest as `missingObjects`. Objects are never rewritten in place (new
 * versions get new keys), so a copy taken after the dump holds the bytes the rows describe.
 */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: { file: "database.dump"; bytes: number };
  objects: { file: "objects.ndjson"; count: number; bytes: number };
  /** Originals named by the dumped images that were gone from storage when it was copied. */
  missingObjects: string[];
}

export interface BackupTarget {
  databaseUrl: string;
  storage: Storage;
  /** The pg_dump / pg_restore binaries (default: from PATH); their major version must be ≥ the server's. */
  pgDump?: string;
  pgRestore?: string;
}

export class BackupError extends Error {
  override name = "BackupError";
}

const ROOT_PREFIX = "users/";

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (err) => reject(new BackupError(`${cmd} could not start: ${err.message}`)));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${cmd} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

const objectPath = (dir: string, key: string) => path.join(dir, "objects", ...key.split("/"));

/** Writes a backup into `dir` (created; must be empty): database.dump, objects/, objects.ndjson, manifest.json. */
export async function backupTo(target: BackupTarget, dir: string): Promise<BackupManifest> {
  await fs.mkdir(dir, { recursive: true });
  if ((await fs.readdir(dir)).length) throw new BackupError(`${dir} is not empty: back up into a new folder`);
  const dump = path.join(dir, "database.dump");
  await run(target.pgDump ?? "pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    "--file",
    dump,
    target.databaseUrl,
  ]);
  const index = createWriteStream(path.join(dir, "objects.ndjson"));
  let count = 0;
  let bytes = 0;
  const copied = new Set<string>();
  for await (const { key } of target.storage.list(ROOT_PREFIX)) {
    const obj = await target.storage.get(key);
    if (!obj) continue; // deleted while we listed
    const file = objectPath(dir, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await pipeline(obj.body, createWriteStream(file));
    index.write(
      JSON.stringify({ key, size: obj.size, contentType: obj.contentType, cacheControl: obj.cacheControl }) + "\n",
    );
    copied.add(key);
    count++;
    bytes += obj.size;
  }
  await new Promise<void>((resolve, reject) => index.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: { file: "database.dump", bytes: (await fs.stat(dump)).size },
    objects: { file: "objects.ndjson", count, bytes },
    missingObjects: (await originalKeys(target.databaseUrl)).filter((k) => !copied.has(k)),
  };
  await fs.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The originals the database names (file_path of every image row). */
async function originalKeys(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (c) =>
    (await c.query<{ file_path: string }>("select distinct file_path from images")).rows.map((r) => r.file_path),
  );
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Restores a backup into an empty install: a database with no tables and a storage with no objects. */
export async function restoreFrom(target: BackupTarget, dir: string): Promise<{ objects: number }> {
  const text = await fs.readFile(path.join(dir, "manifest.json"), "utf8").catch(() => {
    throw new BackupError(`${dir} holds no manifest.json: not a finished backup`);
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 1) throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  const tables = await withClient(
    target.databaseUrl,
    async (c) =>
      (
        await c.query<{ n: number }>(
          "select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
        )
      ).rows[0]!.n,
  );
  if (tables > 0)
    throw new BackupError(
      "the target database is not empty: restore into a new, empty database (do not migrate it first)",
    );
  for await (const _ of target.storage.list(ROOT_PREFIX))
    throw new BackupError("the target storage already holds objects: restore into an empty bucket or folder");
  await run(target.pgRestore ?? "pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    "--dbname",
    target.databaseUrl,
    path.join(dir, manifest.database.file),
  ]);
  const lines = (await fs.readFile(path.join(dir, manifest.objects.file), "utf8")).split("\n").filter(Boolean);
  for (const line of lines) {
    const o = JSON.parse(line) as { key: string; contentType: string; cacheControl?: string };
    await target.storage.put(o.key, createReadStream(objectPath(dir, o.key)), {
      contentType: o.contentType,
      cacheControl: o.cacheControl,
    });
  }
  return { objects: lines.length };
}
