import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collectionImages, collections, images, projects, shareLinks, shareReviews } from "../../db/schema";

/** Queries of share links. Owner queries are scoped by the owner; public ones by the token alone. */

export type ShareLinkRow = typeof shareLinks.$inferSelect;
export type ShareLinkInsert = typeof shareLinks.$inferInsert;
export type ShareLinkPatch = Partial<Pick<ShareLinkInsert, "passwordHash" | "expiresAt" | "allowDownload" | "showPrompt" | "allowReview">>;

export async function insert(db: Db, values: ShareLinkInsert): Promise<ShareLinkRow> {
  const [row] = await db.insert(shareLinks).values(values).returning();
  return row!;
}

export async function byToken(db: Db, token: string): Promise<ShareLinkRow | undefined> {
  const [row] = await db.select().from(shareLinks).where(eq(shareLinks.token, token)).limit(1);
  return row;
}

export async function ownedByToken(db: Db, userId: string, token: string): Promise<ShareLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.token, token), eq(shareLinks.userId, userId)))
    .limit(1);
  return row;
}

export async function update(db: Db, userId: string, token: string, patch: ShareLinkPatch & { revokedAt?: Date }) {
  const [row] = await db
    .update(shareLinks)
    .set(patch)
    .where(and(eq(shareLinks.token, token), eq(shareLinks.userId, userId)))
    .returning();
  return row;
}

/** One view: count + last viewed, atomically (concurrent viewers never lose a count). */
export async function countView(db: Db, id: string, at: Date) {
  await db
    .update(shareLinks)
    .set({ viewCount: sql`${shareLinks.viewCount} + 1`, lastViewedAt: at, updatedAt: sql`${shareLinks.updatedAt}` })
    .where(eq(shareLinks.id, id));
}

const latestProjectImage = sql<string | null>`(select i.id from ${images} i where i.project_id = ${projects.id} and i.deleted_at is null order by i.created_at desc limit 1)`;
const firstCollectionImage = sql<string | null>`(select ci.image_id from ${collectionImages} ci join ${images} i on i.id = ci.image_id where ci.collection_id = ${collections.id} and i.deleted_at is null order by ci.position collate "C" limit 1)`;

const reviewCount = (verdict: "approved" | "changes_requested") =>
  sql<number>`(select count(*)::int from ${shareReviews} r where r.link_id = ${shareLinks.id} and r.verdict = ${verdict})`;

/** The owner's links, newest first, with the target's name and an image to show. */
export async function listOwned(db: Db, userId: string) {
  return db
    .select({
      link: shareLinks,
      imageAlt: images.altText,
      imagePrompt: images.prompt,
      projectName: projects.name,
      projectCover: sql<string | null>`coalesce(${projects.coverImageId}, ${latestProjectImage})`,
      collectionName: collections.name,
      collectionCover: sql<string | null>`coalesce(${collections.coverImageId}, ${firstCollectionImage})`,
      approved: reviewCount("approved"),
      changesRequested: reviewCount("changes_requested"),
    })
    .from(shareLinks)
    .leftJoin(images, eq(images.id, shareLinks.imageId))
    .leftJoin(projects, eq(projects.id, shareLinks.projectId))
    .leftJoin(collections, eq(collections.id, shareLinks.collectionId))
    .where(eq(shareLinks.userId, userId))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
    .limit(1000);
}
export type OwnedListRow = Awaited<ReturnType<typeof listOwned>>[number];

/** What serving one file of the owner needs; null for another user's, unknown or trashed image. */
export async function fileFacts(db: Db, userId: string, imageId: string) {
  const [row] = await db
    .select({ id: images.id, filePath: images.filePath, format: images.format, mediaType: images.mediaType, prompt: images.prompt, projectId: images.projectId })
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.userId, userId), isNull(images.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** Is the image a (live) member of the curated collection? */
export async function inCollection(db: Db, collectionId: string, imageId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(collectionImages)
    .where(and(eq(collectionImages.collectionId, collectionId), eq(collectionImages.imageId, imageId)))
    .limit(1);
  return !!row;
}

/** The collection's saved filter (smart) or null (curated); undefined when it is gone. */
export async function collectionKind(db: Db, collectionId: string) {
  const [row] = await db.select({ smartFilter: collections.smartFilter, isPublic: collections.isPublic }).from(collections).where(eq(collections.id, collectionId)).limit(1);
  return row;
}

/** Whether the owner marked the project public (then its share page may be indexed). */
export async function projectIsPublic(db: Db, projectId: string): Promise<boolean> {
  const [row] = await db.select({ isPublic: projects.isPublic }).from(projects).where(eq(projects.id, projectId)).limit(1);
  return row?.isPublic ?? false;
}
