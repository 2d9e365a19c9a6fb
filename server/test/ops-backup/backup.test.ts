import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";
import { images } from "../../src/db/schema";
import { backupTo, BackupError, restoreFrom } from "../../src/lib/backup";
import { createStorage, type Storage } from "../../src/storage";
import { createUser } from "../factories";
import { createTestApp, type TestApp } from "../harness";
import { makePng, storeImage } from "../images/fixtures";

const url = inject("databaseUrl");

async function bytesOf(storage: Storage, key: string): Promise<Buffer> {
  const obj = await storage.get(key);
  if (!obj) throw new Error(`missing object ${key}`);
  const chunks: Buffer[] = [];
  for await (const c of obj.body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

const gallery = (db: Database["db"], userId: string) =>
  db
    .select({
      id: images.id,
      filePath: images.filePath,
      fileSize: images.fileSize,
      prompt: images.prompt,
      thumbhash: images.thumbhash,
      deletedAt: images.deletedAt,
    })
    .from(images)
    .where(eq(images.userId, userId))
    .orderBy(asc(images.id));

describe.skipIf(!url)("backup and restore of PostgreSQL + the object store", () => {
  let t: TestApp;
  const tmp = mkdtempSync(path.join(os.tmpdir(), "image-studio-backup-"));
  const restoreDbName = `image_studio_restore_${Date.now()}_${randomUUID().slice(0, 6)}`;
  const restoreUrl = () => Object.assign(new URL(url), { pathname: `/${restoreDbName}` }).toString();
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };

  beforeAll(async () => {
    t = await createTestApp();
    await admin(`CREATE DATABASE "${restoreDbName}"`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${restoreDbName}" WITH (FORCE)`);
    rmSync(tmp, { recursive: true, force: true });
    await t.close();
  });

  it("restores into an empty install with the same gallery rows and the same originals", async () => {
    const user = await createUser(t.deps);
    const stored = [];
    for (const hue of [20, 140, 260])
      stored.push(
        await storeImage(t, user.id, await makePng({ width: 96, height: 64, hue }), { prompt: `backup hue ${hue}` }),
      );
    await t.deps.database.db.update(images).set({ deletedAt: new Date() }).where(eq(images.id, stored[2]!.id)); // one in the trash

    const dir = path.join(tmp, "backup");
    const manifest = await backupTo({ databaseUrl: url, storage: t.deps.storage }, dir);
    expect(manifest.objects.count).toBeGreaterThanOrEqual(3);
    expect(manifest.missingObjects.filter((k) => k.includes(user.id))).toEqual([]);

    const storage = createStorage({ driver: "local", root: path.join(tmp, "restored-objects") });
    await restoreFrom({ databaseUrl: restoreUrl(), storage }, dir);
    const restored = await openDatabase({ url: restoreUrl(), poolSize: 1 });
    try {
      const before = await gallery(t.deps.database.db, user.id);
      const after = await gallery(restored.db, user.id);
      expect(after).toHaveLength(3);
      expect(after).toEqual(before);
      for (const row of after)
        expect((await bytesOf(storage, row.filePath)).equals(await bytesOf(t.deps.storage, row.filePath))).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it("refuses to restore over an install that has data, and to back up into a used folder", async () => {
    const dir = path.join(tmp, "backup");
    const storage = createStorage({ driver: "local", root: path.join(tmp, "other-objects") });
    await expect(restoreFrom({ databaseUrl: restoreUrl(), storage }, dir)).rejects.toThrow(BackupError);
    await expect(restoreFrom({ databaseUrl: restoreUrl(), storage }, dir)).rejects.toThrow(/not empty/);
    await expect(backupTo({ databaseUrl: url, storage: t.deps.storage }, dir)).rejects.toThrow(/not empty/);
  });
});
