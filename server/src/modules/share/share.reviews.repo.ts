import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collections, images, projects, shareLinks, shareReviews } from "../../db/schema";

/** Queries of review verdicts: the link's side is scoped by the link, the owner's side by the owner. */

export type ShareReviewRow = typeof shareReviews.$inferSelect;

/** One verdict per reviewer per image per link: a second one replaces the first (atomically). */
export async function upsert(db: Db, v: Pick<ShareReviewRow, "linkId" | "userId" | "imageId" | "reviewerId" | "reviewerName" | "verdict" | "note">, at: Date) {
  const [row] = await db
    .insert(shareReviews)
    .values({ ...v, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [shareReviews.linkId, shareReviews.imageId, shareReviews.reviewerId],
      set: { reviewerName: v.reviewerName, verdict: v.verdict, note: v.note, updatedAt: at },
    })
    .returning();
  return row!;
}

/** The verdicts given through one link on the given images, newest first. */
export async function ofLink(db: Db, linkId: string, imageIds: string[]) {
  if (!imageIds.length) return [];
  return db
    .select()
    .from(shareReviews)
    .where(and(eq(shareReviews.linkId, linkId), inArray(shareReviews.imageId, imageIds)))
    .orderBy(desc(shareReviews.updatedAt))
    .limit(5000);
}

/** The verdicts on one of the owner's images through any of the owner's links, with the link they came through. */
export async function ofImage(db: Db, ownerId: string, imageId: string) {
  return db
    .select({
      review: shareReviews,
      link: shareLinks,
      projectName: projects.name,
      collectionName: collections.name,
      imageAlt: images.altText,
    })
    .from(shareReviews)
    .innerJoin(shareLinks, eq(shareLinks.id, shareReviews.linkId))
    .leftJoin(projects, eq(projects.id, shareLinks.projectId))
    .leftJoin(collections, eq(collections.id, shareLinks.collectionId))
    .leftJoin(images, eq(images.id, shareLinks.imageId))
    .where(and(eq(shareReviews.userId, ownerId), eq(shareReviews.imageId, imageId), eq(shareLinks.userId, ownerId)))
    .orderBy(desc(shareReviews.updatedAt), desc(shareReviews.id))
    .limit(500);
}

/** How many verdicts a link holds now (for the owner's notification). */
export async function countsOfLink(db: Db, linkId: string) {
  const [row] = await db
    .select({
      approved: sql<number>`count(*) filter (where ${shareReviews.verdict} = 'approved')::int`,
      changesRequested: sql<number>`count(*) filter (where ${shareReviews.verdict} = 'changes_requested')::int`,
    })
    .from(shareReviews)
    .where(eq(shareReviews.linkId, linkId));
  return { approved: row?.approved ?? 0, changesRequested: row?.changesRequested ?? 0 };
}
