import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** Measured figures of the models on this install, from the job queue (every user's jobs: figures only). */

const rowsOf = <T>(res: unknown): T[] => (res as { rows?: T[] }).rows ?? (res as T[]);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function modelStats(db: Db, modelId: string) {
  const [row] = rowsOf<{
    completed: number;
    failed: number;
    cancelled: number;
    p50: string | null;
    p95: string | null;
    images: number;
    last: string | null;
  }>(
    await db.execute(sql`
      select (count(*) filter (where status = 'completed'))::int completed,
             (count(*) filter (where status = 'failed'))::int failed,
             (count(*) filter (where status = 'cancelled'))::int cancelled,
             percentile_cont(0.5) within group (order by extract(epoch from completed_at - started_at))
               filter (where status = 'completed' and started_at is not null and completed_at is not null) p50,
             percentile_cont(0.95) within group (order by extract(epoch from completed_at - started_at))
               filter (where status = 'completed' and started_at is not null and completed_at is not null) p95,
             coalesce(sum(cardinality(image_ids)) filter (where status = 'completed'), 0)::int images,
             max(completed_at)::text last
        from generation_queue where model_id = ${modelId}`),
  );
  return {
    completed: Number(row?.completed ?? 0),
    failed: Number(row?.failed ?? 0),
    cancelled: Number(row?.cancelled ?? 0),
    p50: num(row?.p50),
    p95: num(row?.p95),
    images: Number(row?.images ?? 0),
    lastUsedAt: row?.last ? new Date(row.last).toISOString() : null,
  };
}

/** Finished jobs per model since `since` (the status page's recent failure rate). */
export async function recentOutcomes(db: Db, since: Date) {
  const rows = rowsOf<{ model_id: string; finished: number; failed: number }>(
    await db.execute(sql`
      select model_id, count(*)::int finished, (count(*) filter (where status = 'failed'))::int failed
        from generation_queue where status in ('completed','failed') and completed_at > ${since.toISOString()}::timestamptz
       group by model_id`),
  );
  return new Map(rows.map((r) => [r.model_id, { finished: Number(r.finished), failed: Number(r.failed) }]));
}

/** Users who have run a model (for announcements about it). */
export async function usersOfModel(db: Db, modelId: string): Promise<string[]> {
  const rows = rowsOf<{ user_id: string }>(await db.execute(sql`select distinct user_id from generation_queue where model_id = ${modelId}`));
  return rows.map((r) => r.user_id);
}
