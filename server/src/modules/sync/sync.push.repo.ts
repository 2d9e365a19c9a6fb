import { type SyncEntity, type SyncMutationResult, syncMutationResultSchema } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collections, processedMutations, tombstones } from "../../db/schema";

/** Queries of the sync push: the idempotency record of mutations, and a few owner-scoped lookups. */

const key = (userId: string, mutationId: string) => and(eq(processedMutations.userId, userId), eq(processedMutations.mutationId, mutationId));

/** The stored result of a mutation id already processed for this user. */
export async function findResult(db: Db, userId: string, mutationId: string): Promise<SyncMutationResult | undefined> {
  const [row] = await db.select({ result: processedMutations.result }).from(processedMutations).where(key(userId, mutationId));
  const parsed = row && syncMutationResultSchema.safeParse(row.result);
  return parsed?.success ? parsed.data : undefined;
}

/**
 * Records a result unless the id is taken; false when it was. Inside a transaction, a concurrent push of the
 * same id waits on this row's key until the first commits (then finds it taken) or rolls back (then takes it).
 */
export async function claim(db: Db, userId: string, mutationId: string, result: SyncMutationResult): Promise<boolean> {
  const rows = await db
    .insert(processedMutations)
    .values({ userId, mutationId, result })
    .onConflictDoNothing()
    .returning({ id: processedMutations.mutationId });
  return rows.length > 0;
}

export async function saveResult(db: Db, userId: string, mutationId: string, result: SyncMutationResult) {
  await db.update(processedMutations).set({ result }).where(key(userId, mutationId));
}

/** Whether the user's entity was deleted (a tombstone exists): a repeated delete is then already done. */
export async function tombstoned(db: Db, userId: string, entity: SyncEntity, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tombstones.id })
    .from(tombstones)
    .where(and(eq(tombstones.userId, userId), eq(tombstones.entity, entity), eq(tombstones.entityId, id)))
    .limit(1);
  return Boolean(row);
}

export async function collectionVersion(db: Db, userId: string, id: string): Promise<number | undefined> {
  const [row] = await db
    .select({ version: collections.version })
    .from(collections)
    .where(and(eq(collections.id, id), eq(collections.userId, userId)));
  return row?.version;
}
