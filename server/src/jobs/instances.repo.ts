import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { instances } from "../db/schema";

export type InstanceRow = typeof instances.$inferSelect;
export type NewInstance = typeof instances.$inferInsert;

/** Serialises registrations, so two processes starting at once with different secrets cannot both miss the other. */
const REGISTER_LOCK_KEY = 7_215_030_721_501_002n;

const live = (liveMs: number) => sql`${instances.lastSeenAt} > now() - ${`${liveMs} milliseconds`}::interval`;

/**
 * Registers a starting process unless a live one (seen within `liveMs`) signs sessions with another secret;
 * returns those conflicting processes instead. Rows of processes that stopped beating are removed on the way.
 */
export async function registerInstance(
  db: Db,
  row: NewInstance,
  liveMs: number,
): Promise<{ conflicts: InstanceRow[] }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REGISTER_LOCK_KEY.toString()}::bigint)`);
    await tx.delete(instances).where(sql`not (${live(liveMs)})`);
    const conflicts = await tx
      .select()
      .from(instances)
      .where(and(live(liveMs), ne(instances.secretFingerprint, row.secretFingerprint), ne(instances.id, row.id)));
    if (conflicts.length) return { conflicts };
    await upsertInstance(tx, row);
    return { conflicts: [] };
  });
}

/** The heartbeat: refreshes last_seen_at and the worker figures (re-creating the row if it was swept). */
export async function upsertInstance(db: Db, row: NewInstance): Promise<void> {
  await db
    .insert(instances)
    .values({ ...row, lastSeenAt: sql`now()` })
    .onConflictDoUpdate({
      target: instances.id,
      set: {
        lastSeenAt: sql`now()`,
        activeJobs: row.activeJobs ?? 0,
        workerId: row.workerId ?? null,
        workerConcurrency: row.workerConcurrency ?? 0,
      },
    });
}

export async function removeInstance(db: Db, id: string): Promise<void> {
  await db.delete(instances).where(eq(instances.id, id));
}

/** Processes that ran a worker and beat within `liveMs`. */
export async function liveWorkers(
  db: Db,
  liveMs: number,
): Promise<{ count: number; capacity: number; active: number }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      capacity: sql<number>`coalesce(sum(${instances.workerConcurrency}), 0)::int`,
      active: sql<number>`coalesce(sum(${instances.activeJobs}), 0)::int`,
    })
    .from(instances)
    .where(and(live(liveMs), sql`${instances.workerId} is not null`));
  return row ?? { count: 0, capacity: 0, active: 0 };
}
