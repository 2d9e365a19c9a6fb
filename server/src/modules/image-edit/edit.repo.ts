import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images } from "../../db/schema";

type ImageInsert = typeof images.$inferInsert;

/** One of the owner's images, with what an edit needs (trashed ones are not edited). */
export async function source(db: Db, userId: string, id: string) {
  const [row] = await db.select().from(images).where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

/** The owner's image with this id, if it exists (a retried edit finds its earlier result). */
export async function existing(db: Db, userId: string, id: string) {
  const [row] = await db.select({ id: images.id, userId: images.userId, parentImageId: images.parentImageId, operation: images.operation }).from(images).where(eq(images.id, id));
  return row && row.userId === userId ? row : row ? { foreign: true as const } : undefined;
}

/** Inserts the edited image; false when a row with its id already exists (a concurrent retry won). */
export async function insert(db: Db, row: ImageInsert): Promise<boolean> {
  const done = await db.insert(images).values(row).onConflictDoNothing().returning({ id: images.id });
  return done.length > 0;
}
