import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { nextVersion, userSettings } from "../../db/schema";

/** The trash's retention setting lives in user_settings.settings.trashAutoDeleteDays (absent = off). */
export const SETTING_KEY = "trashAutoDeleteDays";

export async function readRetention(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.select({ settings: userSettings.settings }).from(userSettings).where(eq(userSettings.userId, userId));
  const v = row?.settings?.[SETTING_KEY];
  return typeof v === "number" && v > 0 ? v : null;
}

export async function writeRetention(db: Db, userId: string, days: number | null) {
  const merged =
    days === null ? sql`${userSettings.settings} - ${SETTING_KEY}` : sql`${userSettings.settings} || jsonb_build_object(${SETTING_KEY}::text, ${days}::int)`;
  await db
    .insert(userSettings)
    .values({ userId, settings: days === null ? {} : { [SETTING_KEY]: days } })
    .onConflictDoUpdate({ target: userSettings.userId, set: { settings: merged, updatedAt: new Date(), version: nextVersion } });
}

/**
 * Every user who turned auto-cleanup on, with their retention in days. A system query (the periodic task),
 * deliberately not scoped to one user; the purge it drives is.
 */
export async function usersWithRetention(db: Db): Promise<{ userId: string; days: number }[]> {
  const days = sql<number>`CASE WHEN jsonb_typeof(${userSettings.settings} -> ${SETTING_KEY}) = 'number' THEN floor((${userSettings.settings} ->> ${SETTING_KEY})::numeric)::int END`;
  return db
    .select({ userId: userSettings.userId, days })
    .from(userSettings)
    .where(sql`${days} > 0`);
}
