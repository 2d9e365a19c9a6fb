import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPerDb } from "../../db/prepared";
import { accounts, sessions, users, type UserPreferences } from "../../db/schema";

/** Drizzle queries for the signed-in user's own account. Every query is scoped by that user's id. */

export type UserRow = typeof users.$inferSelect;

export async function findUser(db: Db, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

/**
 * Whether the user row in the query has a password (an e-mail + password account), as a column expression.
 * Written with table-qualified names: Drizzle leaves columns unqualified in a one-table select, where the
 * subquery's "id" would then be the account's own id.
 */
export const hasPasswordColumn = () =>
  sql<boolean>`exists (select 1 from "accounts" a where a."user_id" = "users"."id" and a."provider_id" = 'credential' and a."password" is not null)`;

/** The account and whether it has a password, in one prepared query. */
const meQuery = preparedPerDb((db) =>
  db
    .select({ user: users, hasPassword: hasPasswordColumn() })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("account_me_user"),
);

export async function findUserWithPasswordFlag(db: Db, userId: string): Promise<{ user: UserRow; hasPassword: boolean } | undefined> {
  const [row] = await meQuery(db).execute({ userId });
  return row;
}

/** The scrypt hash of the user's password, or null for accounts that only sign in with GitHub/Google. */
export async function passwordHash(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential"), isNotNull(accounts.password)))
    .limit(1);
  return row?.password ?? null;
}

export async function updateUser(
  db: Db,
  userId: string,
  patch: Partial<Pick<UserRow, "name" | "timezone" | "language" | "image" | "onboardingState">> & {
    preferences?: UserPreferences;
  },
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(patch).where(eq(users.id, userId)).returning();
  return row;
}

/** Shallow-merges keys into users.preferences without overwriting the others (atomic jsonb ||). */
export async function mergePreferences(db: Db, userId: string, patch: Record<string, unknown>) {
  await db
    .update(users)
    .set({ preferences: sql`${users.preferences} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(users.id, userId));
}

export async function setOnboardingStep(db: Db, userId: string, step: string, done: boolean) {
  const [row] = await db
    .update(users)
    .set({ onboardingState: sql`${users.onboardingState} || jsonb_build_object(${step}::text, ${done}::boolean)` })
    .where(eq(users.id, userId))
    .returning({ onboardingState: users.onboardingState });
  return row?.onboardingState ?? {};
}

/** Reserves the next avatar version (so concurrent uploads never share object keys). */
export async function nextAvatarVersion(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ avatarVersion: sql`${users.avatarVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ v: users.avatarVersion });
  return row!.v;
}

export async function setAvatarImage(db: Db, userId: string, version: number, image: string | null) {
  // Only the newest reserved version may publish itself (an older, slower upload loses).
  const rows = await db
    .update(users)
    .set({ image })
    .where(and(eq(users.id, userId), eq(users.avatarVersion, version)))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function listSessions(db: Db, userId: string) {
  return db
    .select({
      id: sessions.id,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > now()`))
    .orderBy(desc(sessions.updatedAt));
}

export async function deleteSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function deleteOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteAllSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

/** Deletes the user row; every owned row goes with it (ON DELETE CASCADE). */
export async function deleteUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}
