import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images, nextVersion, prompts, tombstones } from "../../db/schema";

/** Drizzle queries for the prompt library. Every one is scoped by the owner's id. */

export type PromptRow = typeof prompts.$inferSelect;
export type PromptInsert = typeof prompts.$inferInsert;
export type PromptPatch = Partial<
  Pick<PromptInsert, "title" | "promptText" | "negativePrompt" | "category" | "tags" | "isFavorite" | "isTemplate" | "variables" | "isPublic" | "publishedAt" | "exampleImageId">
>;

export async function list(db: Db, userId: string): Promise<PromptRow[]> {
  return db.select().from(prompts).where(eq(prompts.userId, userId)).orderBy(desc(prompts.updatedAt), desc(prompts.id));
}

export async function get(db: Db, userId: string, id: string): Promise<PromptRow | undefined> {
  const [row] = await db
    .select()
    .from(prompts)
    .where(and(eq(prompts.id, id), eq(prompts.userId, userId)));
  return row;
}

export async function byIds(db: Db, userId: string, ids: string[]): Promise<PromptRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(prompts)
    .where(and(eq(prompts.userId, userId), inArray(prompts.id, ids)));
}

/** Any prompt with this id, whoever owns it (a create must not take over someone else's id). */
export async function ownerOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ userId: prompts.userId }).from(prompts).where(eq(prompts.id, id));
  return row?.userId;
}

/** Inserts unless the id exists (anyone's); true when inserted. A concurrent insert of the same id waits, then yields. */
export async function insertIfAbsent(db: Db, values: PromptInsert): Promise<boolean> {
  const rows = await db.insert(prompts).values(values).onConflictDoNothing({ target: prompts.id }).returning({ id: prompts.id });
  return rows.length > 0;
}

/** Every write bumps the sync version. */
export async function update(db: Db, userId: string, id: string, patch: PromptPatch) {
  const [row] = await db
    .update(prompts)
    .set({ ...patch, updatedAt: new Date(), version: nextVersion })
    .where(and(eq(prompts.id, id), eq(prompts.userId, userId)))
    .returning({ id: prompts.id });
  return row;
}

/** Deletes the prompt and writes its tombstone in one transaction. */
export async function remove(db: Db, userId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(prompts)
      .where(and(eq(prompts.id, id), eq(prompts.userId, userId)))
      .returning({ id: prompts.id });
    if (gone.length) await tx.insert(tombstones).values({ userId, entity: "prompt", entityId: id, version: nextVersion });
    return gone.length > 0;
  });
}

/** The user's image, not in the trash (an example picture for a published prompt). */
export async function ownsLiveImage(db: Db, userId: string, imageId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.id, imageId), eq(images.userId, userId), isNull(images.deletedAt)));
  return !!row;
}
