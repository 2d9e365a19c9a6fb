import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { generationQueue, uploads } from "../../db/schema";

export type UploadRow = typeof uploads.$inferSelect;

export async function insertUpload(db: Db, row: typeof uploads.$inferInsert) {
  await db.insert(uploads).values(row).onConflictDoNothing();
}

export async function findOwned(db: Db, userId: string, uploadId: string): Promise<UploadRow | undefined> {
  const [row] = await db
    .select()
    .from(uploads)
    .where(and(eq(uploads.userId, userId), eq(uploads.id, uploadId)));
  return row;
}

/** A job was queued with it: its expiry starts again from now. */
export async function touch(db: Db, userId: string, uploadId: string, now: Date) {
  await db
    .update(uploads)
    .set({ lastUsedAt: now })
    .where(and(eq(uploads.userId, userId), eq(uploads.id, uploadId)));
}

/** A job that still has to run and reads this key as a source, mask or style reference. */
const activeJobUses = sql`exists (
  select 1 from ${generationQueue}
  where ${generationQueue.userId} = ${uploads.userId}
    and ${inArray(generationQueue.status, ["pending", "processing"])}
    and ${uploads.storageKey} in (${generationQueue.inputs} ->> 'sourceKey', ${generationQueue.inputs} ->> 'maskKey', ${generationQueue.inputs} ->> 'styleKey'))`;

/**
 * Uploads unused since `cutoff` that no pending or running job needs (a system query for the periodic
 * cleanup, deliberately across users). At most `limit` per pass.
 */
export async function expired(db: Db, cutoff: Date, limit = 500): Promise<UploadRow[]> {
  return db
    .select()
    .from(uploads)
    .where(and(lt(uploads.lastUsedAt, cutoff), sql`not ${activeJobUses}`))
    .limit(limit);
}

/** Deletes the row if it is still expired; true for exactly one caller when several processes race. */
export async function deleteIfExpired(db: Db, id: string, cutoff: Date): Promise<boolean> {
  const rows = await db
    .delete(uploads)
    .where(and(eq(uploads.id, id), lt(uploads.lastUsedAt, cutoff), sql`not ${activeJobUses}`))
    .returning({ id: uploads.id });
  return rows.length === 1;
}
