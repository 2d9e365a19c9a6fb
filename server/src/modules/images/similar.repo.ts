import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images } from "../../db/schema";
import { summaryColumns } from "./images.page.repo";

/** Perceptual-hash queries: Hamming distance between 64-bit dHashes stored as 16 hex characters. */

const hashBits = (hex: unknown) => sql`('x' || ${hex})::bit(64)`;
const distanceTo = (phash: string) => sql<number>`bit_count(${hashBits(images.phash)} # ${hashBits(phash)})::int`;

/** The owner's live images within `threshold` bits of `phash`, nearest first. */
/** `projectId`: only images of that project (a team member's view of a shared project). */
export async function nearest(db: Db, userId: string, imageId: string, phash: string, threshold: number, limit: number, projectId?: string) {
  const distance = distanceTo(phash);
  return db
    .select({ ...summaryColumns, distance })
    .from(images)
    .where(
      and(
        eq(images.userId, userId),
        isNull(images.deletedAt),
        isNotNull(images.phash),
        ne(images.id, imageId),
        projectId ? eq(images.projectId, projectId) : undefined,
        sql`${distance} <= ${threshold}`,
      ),
    )
    .orderBy(distance, desc(images.createdAt))
    .limit(limit);
}

/** Every (id, phash) of the owner's live images: the input of duplicate grouping. */
export async function allHashes(db: Db, userId: string) {
  return db
    .select({ id: images.id, phash: images.phash })
    .from(images)
    .where(and(eq(images.userId, userId), isNull(images.deletedAt), isNotNull(images.phash)));
}

export async function summaries(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ ...summaryColumns, phash: images.phash })
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.id, ids)));
}

export async function relatives(db: Db, userId: string, image: { id: string; parentImageId: string | null; prompt: string }, limit: number, projectId?: string) {
  const inScope = and(eq(images.userId, userId), isNull(images.deletedAt), projectId ? eq(images.projectId, projectId) : undefined);
  const live = and(inScope, ne(images.id, image.id));
  const byParent = (parentId: string) =>
    db.select(summaryColumns).from(images).where(and(live, eq(images.parentImageId, parentId))).orderBy(desc(images.createdAt)).limit(limit);
  const [parent, children, siblings, samePrompt] = await Promise.all([
    image.parentImageId
      ? db.select(summaryColumns).from(images).where(and(inScope, eq(images.id, image.parentImageId)))
      : Promise.resolve([]),
    byParent(image.id),
    image.parentImageId ? byParent(image.parentImageId) : Promise.resolve([]),
    image.prompt
      ? db.select(summaryColumns).from(images).where(and(live, eq(images.prompt, image.prompt))).orderBy(desc(images.createdAt)).limit(limit)
      : Promise.resolve([]),
  ]);
  return { parent: parent[0] ?? null, children, siblings, samePrompt };
}
