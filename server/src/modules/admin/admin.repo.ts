import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { creditTransactions, generationQueue, images, sessions, users } from "../../db/schema";

/** Admin-only queries over every user (the one place queries are not scoped by an owner). */

export type UserStatusFilter = "all" | "active" | "banned" | "inactive" | "unverified" | "admins";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function filters(q: string | undefined, status: UserStatusFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (q) parts.push(or(ilike(users.email, `%${escapeLike(q)}%`), ilike(users.name, `%${escapeLike(q)}%`)));
  if (status === "active") parts.push(and(eq(users.isActive, true), eq(users.banned, false)));
  if (status === "banned") parts.push(eq(users.banned, true));
  if (status === "inactive") parts.push(eq(users.isActive, false));
  if (status === "unverified") parts.push(eq(users.emailVerified, false));
  if (status === "admins") parts.push(eq(users.role, "admin"));
  return and(...parts);
}

export async function listUsers(
  db: Db,
  opts: { q?: string; status: UserStatusFilter; page: number; pageSize: number },
) {
  const where = filters(opts.q, opts.status);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findUser(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<typeof users.$inferInsert, "role" | "isActive" | "banned" | "banReason" | "banExpires">>,
) {
  const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return row;
}

export async function revokeSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

const n = (v: unknown) => Number(v ?? 0);

export async function stats(db: Db) {
  const day = sql`now() - interval '24 hours'`;
  const [u] = await db
    .select({
      total: count(),
      verified: sql<number>`count(*) filter (where ${users.emailVerified})`,
      admins: sql<number>`count(*) filter (where ${users.role} = 'admin')`,
      banned: sql<number>`count(*) filter (where ${users.banned})`,
      inactive: sql<number>`count(*) filter (where not ${users.isActive})`,
      newLast7Days: sql<number>`count(*) filter (where ${users.createdAt} > now() - interval '7 days')`,
      outstanding: sql<number>`coalesce(sum(${users.creditsBalance}), 0)`,
    })
    .from(users);
  const [active] = await db
    .select({ n: sql<number>`count(distinct ${sessions.userId})` })
    .from(sessions)
    .where(sql`${sessions.updatedAt} > ${day}`);
  const [img] = await db
    .select({ total: count(), last24Hours: sql<number>`count(*) filter (where ${images.createdAt} > ${day})` })
    .from(images)
    .where(sql`${images.deletedAt} is null`);
  const [jobs] = await db
    .select({
      total: count(),
      queued: sql<number>`count(*) filter (where ${generationQueue.status} in ('pending', 'processing'))`,
      failed: sql<number>`count(*) filter (where ${generationQueue.status} = 'failed')`,
      last24Hours: sql<number>`count(*) filter (where ${generationQueue.createdAt} > ${day})`,
    })
    .from(generationQueue);
  const [credits] = await db
    .select({
      granted: sql<number>`coalesce(sum(${creditTransactions.amount}) filter (where ${creditTransactions.kind} in ('grant', 'adjust') and ${creditTransactions.amount} > 0), 0)`,
      spent: sql<number>`coalesce(-sum(${creditTransactions.amount}) filter (where ${creditTransactions.kind} in ('hold', 'charge')), 0) - coalesce(sum(${creditTransactions.amount}) filter (where ${creditTransactions.kind} = 'refund'), 0)`,
    })
    .from(creditTransactions);
  return {
    users: {
      total: n(u?.total),
      verified: n(u?.verified),
      admins: n(u?.admins),
      banned: n(u?.banned),
      inactive: n(u?.inactive),
      newLast7Days: n(u?.newLast7Days),
      activeLast24Hours: n(active?.n),
    },
    images: { total: n(img?.total), last24Hours: n(img?.last24Hours) },
    generations: {
      total: n(jobs?.total),
      queued: n(jobs?.queued),
      failed: n(jobs?.failed),
      last24Hours: n(jobs?.last24Hours),
    },
    credits: { granted: n(credits?.granted), spent: n(credits?.spent), outstanding: n(u?.outstanding) },
  };
}

/** Deletes the user row; every owned row goes with it by cascade. */
export async function deleteUser(db: Db, id: string) {
  await db.delete(users).where(eq(users.id, id));
}

export { userUsage } from "./admin.console.repo";
