import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { nextVersion, userSettings } from "../../db/schema";

/** Drizzle queries for the signed-in user's settings row. Every query is scoped by that user's id. */

export type SettingsRow = typeof userSettings.$inferSelect;
export type SettingsPatch = Partial<
  Pick<SettingsRow, "defaultModelId" | "defaultParameters" | "theme" | "galleryViewMode" | "notificationsEnabled" | "settings">
>;

export async function findSettings(db: Db, userId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return row;
}

/** Makes sure the user has a settings row (a no-op when it exists). */
export async function ensureSettings(db: Db, userId: string): Promise<void> {
  await db.insert(userSettings).values({ userId }).onConflictDoNothing({ target: userSettings.userId });
}

/** The row, locked for the rest of the caller's transaction (read-modify-write of the settings jsonb). */
export async function lockSettings(tx: Db, userId: string): Promise<SettingsRow> {
  await ensureSettings(tx, userId);
  const [row] = await tx.select().from(userSettings).where(eq(userSettings.userId, userId)).for("update");
  return row!;
}

/** Creates or updates the row; each write takes a new sync version. */
export async function upsertSettings(db: Db, userId: string, patch: SettingsPatch): Promise<SettingsRow> {
  const [row] = await db
    .insert(userSettings)
    .values({ userId, ...patch })
    .onConflictDoUpdate({ target: userSettings.userId, set: { ...patch, updatedAt: sql`now()`, version: nextVersion } })
    .returning();
  return row!;
}
