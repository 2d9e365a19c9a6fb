import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiKeys, users } from "../../db/schema";

/** Drizzle queries for API keys. Every query a user makes is scoped by the owner's id. */

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function list(db: Db, userId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function count(db: Db, userId: string): Promise<number> {
  return (await list(db, userId)).length;
}

export async function insert(db: Db, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row!;
}

export async function remove(db: Db, userId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .delete(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)))
    .returning();
  return row;
}

/** The key with this hash and its owner (the account fields a request's user is built from). */
export async function byHash(db: Db, keyHash: string) {
  const [row] = await db
    .select({
      key: apiKeys,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        isActive: users.isActive,
        banned: users.banned,
        banExpires: users.banExpires,
        isAnonymous: users.isAnonymous,
      },
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.keyHash, keyHash));
  return row;
}

export async function touch(db: Db, id: string, at: Date, ip: string | null) {
  await db.update(apiKeys).set({ lastUsedAt: at, lastUsedIp: ip }).where(eq(apiKeys.id, id));
}
