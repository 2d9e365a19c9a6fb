import { JOB_STATUS, type UsageOverview } from "@image-studio/shared";
import { and, desc, eq, ilike, like, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog, generationQueue, users } from "../../db/schema";

/** Admin-only figures and lists across every user (usage overview, one user's usage, audit log, job queue). */

const rowsOf = <T>(res: unknown): T[] => (res as { rows?: T[] }).rows ?? (res as T[]);
const n = (v: unknown) => Number(v ?? 0);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Bytes of stored originals (each object once: duplicated projects share files) and uploads. */
async function storage(db: Db, userId?: string) {
  const mine = userId ? sql`where user_id = ${userId}` : sql``;
  const res = await db.execute(sql`
    select coalesce((select sum(file_size) from (select distinct on (file_path) file_size from images ${mine} order by file_path) o), 0)::bigint
         + coalesce((select sum(byte_size) from uploads ${mine}), 0)::bigint as bytes,
           (select count(distinct file_path) from images ${mine})::int + (select count(*) from uploads ${mine})::int as files`);
  const [row] = rowsOf<{ bytes: string; files: number }>(res);
  return { bytes: n(row?.bytes), files: n(row?.files) };
}

export async function usageOverview(db: Db, days: number): Promise<UsageOverview> {
  const since = sql`now() - make_interval(days => ${days})`;
  const day = sql`now() - interval '24 hours'`;
  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q))[0]!;
  const [img, credits, active, jobs, failures, guests, abuse, top, store] = await Promise.all([
    one<{ total: number; win: number }>(sql`select count(*)::int total, (count(*) filter (where created_at > ${since}))::int win from images where deleted_at is null`),
    one<{ spent: string; granted: string; outstanding: string }>(sql`
      select coalesce(-sum(amount) filter (where kind in ('hold','charge','refund') and created_at > ${since}), 0)::bigint spent,
             coalesce(sum(amount) filter (where kind in ('grant','adjust') and amount > 0 and created_at > ${since}), 0)::bigint granted,
             (select coalesce(sum(credits_balance), 0) from users)::bigint outstanding
        from credit_transactions`),
    one<{ d24: number; win: number }>(sql`
      select (select count(distinct user_id) from generation_queue where created_at > ${day})::int d24,
             (select count(distinct user_id) from generation_queue where created_at > ${since})::int win`),
    db.select({ status: generationQueue.status, n: sql<number>`count(*)::int` }).from(generationQueue).groupBy(generationQueue.status),
    rowsOf<{ model_id: string; failed: number; total: number }>(
      await db.execute(sql`
        select model_id, (count(*) filter (where status = 'failed'))::int failed, count(*)::int total
          from generation_queue where status in ('completed','failed') and completed_at > ${since}
         group by model_id having count(*) filter (where status = 'failed') > 0 order by 2 desc, 1 limit 20`),
    ),
    one<{ total: number; win: number }>(sql`select count(*)::int total, (count(*) filter (where created_at > ${since}))::int win from users where is_guest`),
    one<{ banned: number; inactive: number; failed: number }>(sql`
      select (select count(*) from users where banned)::int banned, (select count(*) from users where not is_active)::int inactive,
             (select count(*) from generation_queue where status = 'failed' and completed_at > ${since})::int failed`),
    rowsOf<{ user_id: string; email: string; failed: number }>(
      await db.execute(sql`
        select q.user_id, u.email, count(*)::int failed from generation_queue q join users u on u.id = q.user_id
         where q.status = 'failed' and q.completed_at > ${since} group by q.user_id, u.email order by 3 desc, 2 limit 5`),
    ),
    storage(db),
  ]);
  const byStatus = Object.fromEntries(JOB_STATUS.map((s) => [s, 0])) as UsageOverview["jobsByStatus"];
  for (const r of jobs) byStatus[r.status] = n(r.n);
  return {
    days,
    images: { total: n(img.total), inWindow: n(img.win) },
    credits: { spentInWindow: n(credits.spent), grantedInWindow: n(credits.granted), outstanding: n(credits.outstanding) },
    activeUsers: { last24Hours: n(active.d24), inWindow: n(active.win) },
    jobsByStatus: byStatus,
    failuresByModel: failures.map((f) => ({ modelId: f.model_id, failed: n(f.failed), total: n(f.total) })),
    storage: store,
    guests: { total: n(guests.total), inWindow: n(guests.win) },
    abuse: {
      banned: n(abuse.banned),
      inactive: n(abuse.inactive),
      failedJobsInWindow: n(abuse.failed),
      topFailingUsers: top.map((t) => ({ userId: t.user_id, email: t.email, failed: n(t.failed) })),
    },
  };
}

export async function userUsage(db: Db, userId: string) {
  const [img] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int n from images where user_id = ${userId} and deleted_at is null`));
  const jobs = await db
    .select({ status: generationQueue.status, n: sql<number>`count(*)::int`, last: sql<string | null>`max(${generationQueue.createdAt})::text` })
    .from(generationQueue)
    .where(eq(generationQueue.userId, userId))
    .groupBy(generationQueue.status);
  const [spent] = rowsOf<{ n: string }>(
    await db.execute(sql`select coalesce(-sum(amount), 0)::bigint n from credit_transactions where user_id = ${userId} and kind in ('hold','charge','refund')`),
  );
  const byModel = rowsOf<{ model_id: string; images: number; credits: string }>(
    await db.execute(sql`
      select model_id, (count(*) filter (where image_id is not null))::int images, coalesce(sum(credits_used), 0)::bigint credits
        from usage_logs where user_id = ${userId} and success and model_id is not null group by model_id order by 2 desc limit 20`),
  );
  const byStatus = Object.fromEntries(JOB_STATUS.map((s) => [s, 0])) as Record<(typeof JOB_STATUS)[number], number>;
  let last: string | null = null;
  for (const r of jobs) {
    byStatus[r.status] = n(r.n);
    if (r.last && (!last || r.last > last)) last = r.last;
  }
  return {
    images: n(img?.n),
    jobs: byStatus,
    creditsSpent: n(spent?.n),
    storageBytes: (await storage(db, userId)).bytes,
    lastJobAt: last ? new Date(last).toISOString() : null,
    byModel: byModel.map((m) => ({ modelId: m.model_id, images: n(m.images), credits: n(m.credits) })),
  };
}

/** Keyset over (created_at, id) desc with the cursor row's own values (exact; an unknown id yields nothing). */
function after(table: "audit_log" | "generation_queue", createdAt: typeof auditLog.createdAt | typeof generationQueue.createdAt, id: typeof auditLog.id | typeof generationQueue.id, cursor?: string) {
  if (!cursor) return undefined;
  const at = sql`(select c.created_at from ${sql.identifier(table)} c where c.id = ${cursor})`;
  return or(lt(createdAt, at), and(eq(createdAt, at), lt(id, cursor)));
}

export async function auditPage(db: Db, q: { cursor?: string; limit: number; action?: string; targetType?: string; targetId?: string }) {
  const a = auditLog;
  const action = q.action ? (q.action.endsWith(".") ? like(a.action, `${escapeLike(q.action)}%`) : eq(a.action, q.action)) : undefined;
  return db
    .select()
    .from(a)
    .where(and(action, q.targetType ? eq(a.targetType, q.targetType) : undefined, q.targetId ? eq(a.targetId, q.targetId) : undefined, after("audit_log", a.createdAt, a.id, q.cursor)))
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(q.limit + 1);
}

export async function jobsPage(db: Db, q: { cursor?: string; limit: number; status?: (typeof JOB_STATUS)[number]; modelId?: string; userId?: string; q?: string; jobId?: string }) {
  const j = generationQueue;
  return db
    .select({ job: j, email: users.email })
    .from(j)
    .innerJoin(users, eq(users.id, j.userId))
    .where(
      and(
        q.jobId ? eq(j.id, q.jobId) : undefined,
        q.status ? eq(j.status, q.status) : undefined,
        q.modelId ? eq(j.modelId, q.modelId) : undefined,
        q.userId ? eq(j.userId, q.userId) : undefined,
        q.q ? ilike(users.email, `%${escapeLike(q.q)}%`) : undefined,
        after("generation_queue", j.createdAt, j.id, q.cursor),
      ),
    )
    .orderBy(desc(j.createdAt), desc(j.id))
    .limit(q.limit + 1);
}
