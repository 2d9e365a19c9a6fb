import { and, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collectionImages, collections, images, nextVersion, projects, tombstones, users } from "../../db/schema";
import { textArray } from "./images.query";

/** Drizzle queries for images. Every one is scoped by the owner's id. */

export type ImageRow = typeof images.$inferSelect;

export async function getImage(db: Db, userId: string, id: string) {
  const [row] = await db
    .select({ image: images, projectName: projects.name, madeByName: users.name })
    .from(images)
    .leftJoin(projects, and(eq(projects.id, images.projectId), eq(projects.userId, userId)))
    .leftJoin(users, eq(users.id, images.createdBy))
    .where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

/** The storage-facing facts of an image: where its file is and what it is. */
const FILE_FACTS = {
  id: images.id,
  filePath: images.filePath,
  format: images.format,
  prompt: images.prompt,
  fileSize: images.fileSize,
  mediaType: images.mediaType,
};

/** One image's file facts, if the user owns it (the ownership check for file routes). */
export async function getFileFacts(db: Db, userId: string, id: string) {
  const [row] = await db.select(FILE_FACTS).from(images).where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

/** The file facts of those of `ids` the user owns. */
export async function getFileFactsMany(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select(FILE_FACTS).from(images).where(and(eq(images.userId, userId), inArray(images.id, ids)));
}

export async function projectOwned(db: Db, userId: string, projectId: string): Promise<boolean> {
  const [p] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.userId, userId)));
  return Boolean(p);
}

export type ImagePatch = Partial<
  Pick<
    ImageRow,
    "tags" | "rating" | "notes" | "altText" | "projectId" | "isFavorite" | "deletedAt" | "isPublic" | "publishedAt"
  >
>;

/** Updates one image; with `expectVersion`, only if it is still at that version. Every write bumps the sync version. */
export async function updateImage(db: Db, userId: string, id: string, patch: ImagePatch, expectVersion?: number) {
  const conds = [eq(images.id, id), eq(images.userId, userId)];
  if (expectVersion !== undefined) conds.push(eq(images.version, expectVersion));
  const [row] = await db
    .update(images)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(...conds))
    .returning({ id: images.id });
  return row;
}

/** Applies `patch` to the owner's images among `ids` (optionally only where `only` holds); returns the ids changed. */
export async function updateMany(
  db: Db,
  userId: string,
  ids: string[],
  patch: ImagePatch,
  only?: SQL,
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .update(images)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(eq(images.userId, userId), inArray(images.id, ids), only))
    .returning({ id: images.id });
  return rows.map((r) => r.id);
}

export const notInTrash = isNull(images.deletedAt);
export const inTrash = isNotNull(images.deletedAt);

/** Adds and removes tags in one statement, keeping order and without duplicates. */
export async function retag(db: Db, userId: string, ids: string[], add: string[], remove: string[]): Promise<string[]> {
  const kept = sql`ARRAY(SELECT t FROM unnest(${images.tags}) AS t WHERE NOT (t = ANY(${textArray(remove)})))`;
  const merged = sql`ARRAY(SELECT t FROM unnest(${kept} || ${textArray(add)}) WITH ORDINALITY AS x(t, n) GROUP BY t ORDER BY min(n))`;
  const rows = await db
    .update(images)
    .set({ tags: sql`${merged}`, updatedAt: new Date(), version: nextVersion })
    .where(and(eq(images.userId, userId), inArray(images.id, ids)))
    .returning({ id: images.id });
  return rows.map((r) => r.id);
}

/**
 * Collections that hold the images (or show one as cover), projects showing one as cover and images derived
 * from them lose the reference by cascade when they are deleted; their sync versions move on first, so a pull
 * delivers the new membership, cover or parent.
 */
async function touchReferrers(tx: Db, userId: string, ids: string[]) {
  const members = tx
    .select({ id: collectionImages.collectionId })
    .from(collectionImages)
    .where(inArray(collectionImages.imageId, ids));
  const touched = { updatedAt: new Date(), version: nextVersion };
  await tx
    .update(collections)
    .set(touched)
    .where(
      and(eq(collections.userId, userId), or(inArray(collections.id, members), inArray(collections.coverImageId, ids))),
    );
  await tx
    .update(projects)
    .set(touched)
    .where(and(eq(projects.userId, userId), inArray(projects.coverImageId, ids)));
  await tx
    .update(images)
    .set(touched)
    .where(and(eq(images.userId, userId), inArray(images.parentImageId, ids), sql`NOT (${inArray(images.id, ids)})`));
}

/**
 * Deletes images for good and writes their tombstones in one transaction. `DELETE … RETURNING` makes it safe to
 * run concurrently (two processes never both delete — or tombstone — the same row). Returns what was deleted
 * so the caller can remove the stored files.
 */
export async function purge(db: Db, userId: string, where: SQL, limit = 500) {
  return db.transaction(async (tx) => {
    const ids = (
      await tx
        .select({ id: images.id })
        .from(images)
        .where(and(eq(images.userId, userId), where))
        .limit(limit)
    ).map((r) => r.id);
    if (!ids.length) return [];
    await touchReferrers(tx, userId, ids);
    const gone = await tx
      .delete(images)
      .where(and(eq(images.userId, userId), inArray(images.id, ids)))
      .returning({ id: images.id, filePath: images.filePath });
    if (gone.length) {
      await tx
        .insert(tombstones)
        .values(gone.map((g) => ({ userId, entity: "image", entityId: g.id, version: nextVersion })));
    }
    return gone;
  });
}

/** Which of `keys` are still the stored original of one of the user's images (shared by a duplicated project's copy). */
export async function referencedKeys(db: Db, userId: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectDistinct({ key: images.filePath })
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.filePath, keys)));
  return new Set(rows.map((r) => r.key));
}

export async function metadataRows(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.id, ids)));
}
