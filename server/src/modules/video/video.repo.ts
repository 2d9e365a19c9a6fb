import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images } from "../../db/schema";

/** Drizzle queries of the video module, every one scoped by the owner. */

export async function getLive(db: Db, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(images)
    .where(and(eq(images.id, id), eq(images.userId, userId), isNull(images.deletedAt)));
  return row;
}

export async function getAny(db: Db, userId: string, id: string) {
  const [row] = await db.select().from(images).where(and(eq(images.id, id), eq(images.userId, userId)));
  return row;
}

export async function insertImage(db: Db, row: typeof images.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(images).values(row).onConflictDoNothing().returning({ id: images.id });
  return inserted.length > 0;
}
