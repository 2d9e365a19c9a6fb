import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { modelAnnouncements } from "../../db/schema";

export type AnnouncementRow = typeof modelAnnouncements.$inferSelect;

export async function insertAnnouncement(db: Db, row: typeof modelAnnouncements.$inferInsert): Promise<AnnouncementRow> {
  const [created] = await db.insert(modelAnnouncements).values(row).returning();
  return created!;
}

export async function setNotified(db: Db, id: string, notified: number) {
  await db.update(modelAnnouncements).set({ notified }).where(eq(modelAnnouncements.id, id));
}

export async function listAnnouncements(db: Db, opts: { modelId?: string; limit: number }) {
  return db
    .select()
    .from(modelAnnouncements)
    .where(and(opts.modelId ? eq(modelAnnouncements.modelId, opts.modelId) : undefined))
    .orderBy(desc(modelAnnouncements.createdAt), desc(modelAnnouncements.id))
    .limit(opts.limit);
}

export async function deleteAnnouncement(db: Db, id: string): Promise<AnnouncementRow | null> {
  const [row] = await db.delete(modelAnnouncements).where(eq(modelAnnouncements.id, id)).returning();
  return row ?? null;
}
