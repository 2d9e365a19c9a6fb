import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { communityFavorites, images, users } from "../../db/schema";

/**
 * Queries behind the public gallery: what is visible to everyone is exactly "published, not in the trash, its
 * owner has a handle and an active account" — one condition (`visible`) used by every public read, so an image
 * that is unpublished, trashed or deleted disappears from every page and file URL at once.
 */

const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const visible = and(eq(images.isPublic, true), isNotNull(images.publishedAt), isNull(images.deletedAt), isNotNull(users.handle), eq(users.isActive, true));

export interface FeedInput {
  viewerId: string | null;
  sort: "newest" | "popular";
  /** Every word must appear in the prompt — searched only where the owner shows prompts. */
  words: string[];
  handle?: string;
  /** Only for the admin console: any owner's published images, including banned ones. */
  admin?: boolean;
  offset: number;
  limit: number;
}

const favoritesOf = sql<number>`(select count(*)::int from ${communityFavorites} f where f.image_id = ${images.id})`;

export async function feed(db: Db, input: FeedInput) {
  const favorited = input.viewerId
    ? sql<boolean>`exists(select 1 from ${communityFavorites} f where f.image_id = ${images.id} and f.user_id = ${input.viewerId})`
    : sql<boolean>`false`;
  const conds: (SQL | undefined)[] = [input.admin ? and(eq(images.isPublic, true), isNull(images.deletedAt), isNotNull(users.handle)) : visible];
  if (input.handle) conds.push(eq(users.handle, input.handle));
  if (input.words.length) {
    conds.push(eq(users.publicShowPrompt, true));
    for (const w of input.words) conds.push(sql`${images.prompt} ilike ${like(w)}`);
  }
  const order = input.sort === "popular" ? [desc(favoritesOf), desc(images.publishedAt), desc(images.id)] : [desc(images.publishedAt), desc(images.id)];
  return db
    .select({
      id: images.id,
      userId: images.userId,
      handle: users.handle,
      email: users.email,
      showPrompt: users.publicShowPrompt,
      width: images.width,
      height: images.height,
      altText: images.altText,
      thumbhash: images.thumbhash,
      prompt: images.prompt,
      negativePrompt: images.negativePrompt,
      modelId: images.modelId,
      parameters: images.parameters,
      publishedAt: images.publishedAt,
      favorites: favoritesOf,
      favorited,
    })
    .from(images)
    .innerJoin(users, eq(users.id, images.userId))
    .where(and(...conds))
    .orderBy(...order)
    .limit(input.limit + 1)
    .offset(input.offset);
}
export type FeedRow = Awaited<ReturnType<typeof feed>>[number];

/** The stored facts of a visible published image (for its public files), or undefined. */
export async function visibleFile(db: Db, imageId: string) {
  const [row] = await db
    .select({ id: images.id, userId: images.userId })
    .from(images)
    .innerJoin(users, eq(users.id, images.userId))
    .where(and(eq(images.id, imageId), visible));
  return row;
}

export async function isVisible(db: Db, imageId: string): Promise<boolean> {
  return !!(await visibleFile(db, imageId));
}

export async function userByHandle(db: Db, handle: string) {
  const [row] = await db.select({ id: users.id, handle: users.handle }).from(users).where(and(eq(users.handle, handle), eq(users.isActive, true)));
  return row;
}

export async function publishedCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(images)
    .innerJoin(users, eq(users.id, images.userId))
    .where(and(eq(images.userId, userId), visible));
  return Number(row?.n ?? 0);
}

export async function profileOf(db: Db, userId: string) {
  const [row] = await db.select({ handle: users.handle, showPrompt: users.publicShowPrompt }).from(users).where(eq(users.id, userId));
  return row;
}

/** Sets the handle and/or prompt switch; a handle taken by someone else is a unique violation (caller maps it). */
export async function updateProfile(db: Db, userId: string, patch: { handle?: string | null; publicShowPrompt?: boolean }) {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (!Object.keys(set).length) return;
  await db.update(users).set(set).where(eq(users.id, userId));
}

export async function handleTaken(db: Db, handle: string, exceptUserId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.handle, handle), sql`${users.id} <> ${exceptUserId}`));
  return !!row;
}

/** Publishes or unpublishes the owner's live image (bumping its sync version); undefined when not theirs or gone. */
export async function setPublished(db: Db, userId: string, imageId: string, published: boolean, now: Date) {
  const [row] = await db
    .update(images)
    .set({
      isPublic: published,
      publishedAt: published ? sql`coalesce(${images.publishedAt}, ${now.toISOString()}::timestamptz)` : null,
      updatedAt: now,
      version: sql`nextval('sync_version_seq')`,
    })
    .where(and(eq(images.id, imageId), eq(images.userId, userId), isNull(images.deletedAt)))
    .returning({ id: images.id, isPublic: images.isPublic, publishedAt: images.publishedAt });
  return row;
}

/** An admin's unpublish of any published image: returns its owner, or undefined when it was not published. */
export async function unpublishAny(db: Db, imageId: string, now: Date) {
  const [row] = await db
    .update(images)
    .set({ isPublic: false, publishedAt: null, updatedAt: now, version: sql`nextval('sync_version_seq')` })
    .where(and(eq(images.id, imageId), eq(images.isPublic, true)))
    .returning({ id: images.id, userId: images.userId, altText: images.altText, prompt: images.prompt });
  return row;
}

export async function setFavorite(db: Db, userId: string, imageId: string, favorite: boolean) {
  if (favorite) await db.insert(communityFavorites).values({ userId, imageId }).onConflictDoNothing();
  else await db.delete(communityFavorites).where(and(eq(communityFavorites.userId, userId), eq(communityFavorites.imageId, imageId)));
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(communityFavorites).where(eq(communityFavorites.imageId, imageId));
  return Number(row?.n ?? 0);
}
