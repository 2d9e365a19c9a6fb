import { and, asc, eq, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collectionImages, collections, images, projects, prompts, userSettings } from "../../db/schema";

/** Queries of the per-user archive and the retention pass; every one is scoped by the owner's id. */

export const liveImages = (db: Db, userId: string) =>
  db
    .select()
    .from(images)
    .where(and(eq(images.userId, userId), isNull(images.deletedAt)))
    .orderBy(asc(images.createdAt), asc(images.id));

export const ownProjects = (db: Db, userId: string) =>
  db.select().from(projects).where(and(eq(projects.userId, userId), eq(projects.isTemplate, false))).orderBy(asc(projects.createdAt));

export const ownTemplates = (db: Db, userId: string) =>
  db.select().from(projects).where(and(eq(projects.userId, userId), eq(projects.isTemplate, true))).orderBy(asc(projects.createdAt));

export const ownCollections = (db: Db, userId: string) =>
  db.select().from(collections).where(eq(collections.userId, userId)).orderBy(asc(collections.createdAt));

export async function collectionItems(db: Db, collectionIds: string[]) {
  if (!collectionIds.length) return [];
  return db
    .select({ collectionId: collectionImages.collectionId, imageId: collectionImages.imageId, position: collectionImages.position })
    .from(collectionImages)
    .where(inArray(collectionImages.collectionId, collectionIds))
    .orderBy(asc(collectionImages.position));
}

export const ownPrompts = (db: Db, userId: string) => db.select().from(prompts).where(eq(prompts.userId, userId)).orderBy(asc(prompts.createdAt));

export async function settingsRow(db: Db, userId: string) {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return row;
}

export type ImageInsert = typeof images.$inferInsert;
export type ProjectInsert = typeof projects.$inferInsert;
export type CollectionInsert = typeof collections.$inferInsert;
export type PromptInsert = typeof prompts.$inferInsert;

export async function insertProjects(db: Db, rows: ProjectInsert[]) {
  if (rows.length) await db.insert(projects).values(rows);
}
export async function insertCollections(db: Db, rows: CollectionInsert[]) {
  if (rows.length) await db.insert(collections).values(rows);
}
export async function insertCollectionItems(db: Db, rows: (typeof collectionImages.$inferInsert)[]) {
  if (rows.length) await db.insert(collectionImages).values(rows).onConflictDoNothing();
}
export async function insertPrompts(db: Db, rows: PromptInsert[]) {
  if (rows.length) await db.insert(prompts).values(rows);
}
export async function insertImages(db: Db, rows: ImageInsert[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insert(images).values(rows.slice(i, i + 200));
}

/** Sets a project's cover (an image imported with it); owner-scoped. */
export async function setProjectCover(db: Db, userId: string, id: string, imageId: string) {
  await db.update(projects).set({ coverImageId: imageId }).where(and(eq(projects.id, id), eq(projects.userId, userId)));
}
export async function setCollectionCover(db: Db, userId: string, id: string, imageId: string) {
  await db.update(collections).set({ coverImageId: imageId }).where(and(eq(collections.id, id), eq(collections.userId, userId)));
}

/** The drafts retention setting lives in user_settings.settings.draftAutoDeleteDays (absent = off). */
export const DRAFT_SETTING_KEY = "draftAutoDeleteDays";

/** Every user who turned draft clean-up on, with their days. A system query for the periodic pass. */
export async function usersWithDraftRetention(db: Db): Promise<{ userId: string; days: number }[]> {
  const days = sql<number>`CASE WHEN jsonb_typeof(${userSettings.settings} -> ${DRAFT_SETTING_KEY}) = 'number' THEN floor((${userSettings.settings} ->> ${DRAFT_SETTING_KEY})::numeric)::int END`;
  return db.select({ userId: userSettings.userId, days }).from(userSettings).where(sql`${days} > 0`);
}

/**
 * Drafts older than `before`: live images that are not favourites, not rated, in no project and no collection.
 * They go to the trash (the user can still restore them); ids of what moved are returned.
 */
export async function trashDrafts(db: Db, userId: string, before: Date, now: Date): Promise<string[]> {
  const rows = await db
    .update(images)
    .set({ deletedAt: now, updatedAt: now, version: sql`nextval('sync_version_seq')` })
    .where(
      and(
        eq(images.userId, userId),
        isNull(images.deletedAt),
        eq(images.isFavorite, false),
        isNull(images.rating),
        isNull(images.projectId),
        lt(images.createdAt, before),
        sql`cardinality(${images.tags}) = 0`,
        notExists(db.select({ x: sql`1` }).from(collectionImages).where(eq(collectionImages.imageId, images.id))),
      ),
    )
    .returning({ id: images.id });
  return rows.map((r) => r.id);
}
