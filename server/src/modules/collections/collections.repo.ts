import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collectionImages, collections, images, nextVersion, tombstones } from "../../db/schema";

/** Drizzle queries for collections. Every one is scoped by the owner's id. */

export type CollectionRow = typeof collections.$inferSelect;
export type CollectionInsert = typeof collections.$inferInsert;
export type CollectionPatch = Partial<Pick<CollectionInsert, "name" | "description" | "coverImageId" | "smartFilter">>;
export type CollectionWithCount = CollectionRow & { imageCount: number };

/** Drizzle leaves columns unqualified in a single-table select, so the correlated subquery names its columns itself. */
const imageCount = sql<number>`(SELECT count(*)::int FROM collection_images ci JOIN images i ON i.id = ci.image_id
  WHERE ci.collection_id = "collections"."id" AND i.deleted_at IS NULL)`;

export async function list(db: Db, userId: string): Promise<CollectionWithCount[]> {
  const rows = await db
    .select({ c: collections, imageCount })
    .from(collections)
    .where(eq(collections.userId, userId))
    .orderBy(desc(collections.updatedAt), asc(collections.id));
  return rows.map((r) => ({ ...r.c, imageCount: r.imageCount }));
}

export async function get(db: Db, userId: string, id: string): Promise<CollectionWithCount | undefined> {
  const [r] = await db
    .select({ c: collections, imageCount })
    .from(collections)
    .where(and(eq(collections.id, id), eq(collections.userId, userId)));
  return r ? { ...r.c, imageCount: r.imageCount } : undefined;
}

export async function ownerOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ userId: collections.userId }).from(collections).where(eq(collections.id, id));
  return row?.userId;
}

/** Inserts unless the id exists (anyone's); true when inserted. A concurrent insert of the same id waits, then yields. */
export async function insertIfAbsent(db: Db, values: CollectionInsert): Promise<boolean> {
  const rows = await db.insert(collections).values(values).onConflictDoNothing({ target: collections.id }).returning({ id: collections.id });
  return rows.length > 0;
}

/** Every write bumps the sync version (membership changes touch the collection too). */
export async function update(db: Db, userId: string, id: string, patch: CollectionPatch) {
  const [row] = await db
    .update(collections)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(eq(collections.id, id), eq(collections.userId, userId)))
    .returning({ id: collections.id });
  return row;
}

export async function remove(db: Db, userId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(collections)
      .where(and(eq(collections.id, id), eq(collections.userId, userId)))
      .returning({ id: collections.id });
    if (gone.length)
      await tx.insert(tombstones).values({ userId, entity: "collection", entityId: id, version: nextVersion });
    return gone.length > 0;
  });
}

/** Members of a (verified) collection with their ranks, live images only unless `all`. Unordered: sort in JS. */
export async function members(db: Db, collectionId: string, all = false) {
  return db
    .select({ imageId: collectionImages.imageId, position: collectionImages.position })
    .from(collectionImages)
    .innerJoin(images, eq(images.id, collectionImages.imageId))
    .where(and(eq(collectionImages.collectionId, collectionId), all ? undefined : isNull(images.deletedAt)));
}

export async function addMembers(db: Db, collectionId: string, rows: { imageId: string; position: string }[]) {
  if (!rows.length) return;
  await db
    .insert(collectionImages)
    .values(rows.map((r) => ({ collectionId, ...r })))
    .onConflictDoNothing();
}

export async function removeMember(db: Db, collectionId: string, imageId: string): Promise<boolean> {
  const gone = await db
    .delete(collectionImages)
    .where(and(eq(collectionImages.collectionId, collectionId), eq(collectionImages.imageId, imageId)))
    .returning({ imageId: collectionImages.imageId });
  return gone.length > 0;
}

export async function setPosition(db: Db, collectionId: string, imageId: string, position: string) {
  await db
    .update(collectionImages)
    .set({ position })
    .where(and(eq(collectionImages.collectionId, collectionId), eq(collectionImages.imageId, imageId)));
}
