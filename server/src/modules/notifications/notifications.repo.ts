import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notifications, userSettings, users } from "../../db/schema";

/** Drizzle queries for notifications. Every read and write is scoped by the recipient's id. */

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/** Inserts one notification; with a dedupe key already used by this user, nothing is written and null returned. */
export async function insertNotification(db: Db, row: NewNotification): Promise<NotificationRow | null> {
  const [created] = await db.insert(notifications).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function recipient(db: Db, userId: string): Promise<{ email: string; name: string; language: string; timeZone: string; isGuest: boolean; prefs: unknown; notificationsEnabled: boolean } | undefined> {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      language: users.language,
      timeZone: users.timezone,
      isGuest: users.isAnonymous,
      prefs: sql<unknown>`${userSettings.settings} -> 'notificationPreferences'`,
      notificationsEnabled: sql<boolean>`coalesce(${userSettings.notificationsEnabled}, true)`,
    })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

export interface ListOptions {
  limit: number;
  before?: Date;
  /** Keyset: rows strictly after this row of the same user (newest first). */
  afterId?: string;
  unreadOnly?: boolean;
  kinds?: string[];
}

export async function listNotifications(db: Db, userId: string, opts: ListOptions) {
  const n = notifications;
  // The cursor row's own (created_at, id): exact to the microsecond, and a foreign or unknown id matches nothing.
  const after = opts.afterId
    ? or(
        lt(n.createdAt, sql`(select c.created_at from notifications c where c.id = ${opts.afterId} and c.user_id = ${userId})`),
        and(
          eq(n.createdAt, sql`(select c.created_at from notifications c where c.id = ${opts.afterId} and c.user_id = ${userId})`),
          lt(n.id, opts.afterId),
        ),
      )
    : undefined;
  return db
    .select()
    .from(n)
    .where(
      and(
        eq(n.userId, userId),
        opts.before ? lt(n.createdAt, opts.before) : undefined,
        after,
        opts.unreadOnly ? isNull(n.readAt) : undefined,
        opts.kinds?.length ? inArray(n.kind, opts.kinds) : undefined,
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(opts.limit);
}

export async function exists(db: Db, userId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return !!row;
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one as read (keeps the first read time); null when the user has no such notification. */
export async function markRead(db: Db, userId: string, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

/** Marks every unread notification read; returns how many changed. */
export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function deleteNotification(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}
