import { and, asc, desc, eq, inArray, lt, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import { rowsOf } from "../db/rows";
import { generationQueue, nextVersion, type JobStatus } from "../db/schema";

export type JobRow = typeof generationQueue.$inferSelect;
export type NewJob = typeof generationQueue.$inferInsert;

const q = generationQueue;

/**
 * Whose rows a job's results and sources are: the owner of the shared project a team member generated into, else
 * the job's own user. Credits, events, usage and notifications stay with `job.userId` (the one who acted and pays).
 */
export const resultOwnerOf = (job: Pick<JobRow, "userId" | "ownerId">): string => job.ownerId ?? job.userId;

/**
 * A job's place in its owner's line: the priority band (higher first), then the time it was queued. Drag and
 * drop rewrites it (midpoints between neighbours), so the order is always "sort key, then batch index".
 */
export const queueSortKey = (priority: number, atMs: number) => (10 - priority) * 1e13 + atMs;

/** Inserts a job; with a clientId already used by this user, returns the existing job instead. */
export async function insertJob(tx: Db, values: NewJob): Promise<{ job: JobRow; created: boolean }> {
  const [row] = await tx
    .insert(q)
    .values({ ...values, sortKey: values.sortKey ?? queueSortKey(values.priority ?? 0, Date.now()) }).onConflictDoNothing({ target: [q.userId, q.clientId] }).returning();
  if (row) return { job: row, created: true };
  const [existing] = await tx
    .select()
    .from(q)
    .where(and(eq(q.userId, values.userId), eq(q.clientId, values.clientId!)));
  return { job: existing!, created: false };
}

/**
 * Claims the next runnable job for a worker: pending and due, or processing under an expired lease (its worker
 * died). FOR UPDATE SKIP LOCKED lets any number of workers claim concurrently without taking one job twice.
 * The per-user limit is checked again under a per-user advisory lock held until the claim commits: two workers
 * claiming for the same user at the same moment are serialised, so the second sees the first's claim and a
 * user never runs more than `userLimit` jobs. A user found at the limit is skipped for the next user's job.
 *
 * Fairness: the user with the fewest running jobs goes first, so one user's 500-job batch never starves another
 * user's single job; within that, the line's order (sort key: priority band, then time or the user's drag and
 * drop; then the item's place in its batch). Jobs of a paused batch, or of one scheduled after `now` (the
 * injectable clock), are not claimable — a condition on rows, so it holds across restarts.
 *
 * Four round trips (begin, pick + lock, claim with the limit check, commit). The commit does not wait for the WAL
 * flush (`synchronous_commit = off` for this transaction only): a claim lost in a database crash leaves the job
 * pending with no lease — claimable again — and the worker that thought it had it finds out at its next write
 * that needs the lease (the provider request id, progress, heartbeat, completion) and lets go, exactly as when a
 * lease is lost. Those writes commit synchronously, so the first one flushes the claim with it. Enqueue,
 * completion and credits keep synchronous commits.
 */
export async function claimNext(db: Db, workerId: string, leaseMs: number, userLimit: number, now: Date = new Date()): Promise<JobRow | null> {
  const skip: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await db.transaction(async (tx): Promise<{ row: JobRow | null } | { full: string }> => {
      // Running jobs per user, counted once (not once per waiting row: a 500-job batch makes that slow).
      const running = tx.$with("running").as(
        tx
          .select({ userId: r.userId, n: sql<number>`count(*)::int`.as("n") })
          .from(r)
          .where(and(eq(r.status, "processing"), sql`${r.leaseExpiresAt} > now()`))
          .groupBy(r.userId),
      );
      const busy = sql`coalesce(${running.n}, 0)`;
      const candidate = tx
        .with(running)
        .select({ id: q.id, userId: q.userId })
        .from(q)
        .leftJoin(running, eq(running.userId, q.userId))
        .where(and(runnable(), sql`${busy} < ${userLimit}`, notHeld(now), skip.length ? notInArray(q.userId, skip) : undefined))
        .orderBy(busy, asc(q.sortKey), sql`${q.batchIndex} asc nulls first`, asc(q.createdAt))
        .limit(1)
        .for("update", { of: q, skipLocked: true });
      // One round trip: the row (locked), the owner's advisory lock, and this transaction's commit made
      // asynchronous (see below). The subquery's LIMIT keeps it from being merged, so both run for its one row.
      const [picked] = rowsOf<{ id: string; user_id: string }>(
        await tx.execute(sql`select c.id, c.user_id, pg_advisory_xact_lock(hashtextextended(c.user_id::text, 7)), set_config('synchronous_commit', 'off', true) from (${candidate}) c`),
      );
      if (!picked) return { row: null };
      // A new statement, a new snapshot: claims committed by workers that held the lock before us are counted.
      const [row] = await tx
        .update(q)
        .set({
          status: "processing",
          leaseOwner: workerId,
          leaseExpiresAt: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
          startedAt: sql`coalesce(${q.startedAt}, now())`,
          version: nextVersion,
        })
        .where(
          and(
            eq(q.id, picked.id),
            sql`(select count(*) from generation_queue mine where mine.user_id = ${picked.user_id} and mine.status = 'processing' and mine.lease_expires_at > now()) < ${userLimit}`,
          ),
        )
        .returning();
      // The row is ours (locked), so no row back means the owner is at the limit.
      if (!row) return { full: picked.user_id };
      return { row };
    });
    if ("row" in outcome) return outcome.row;
    skip.push(outcome.full);
  }
  return null;
}

const runnable = () =>
  or(and(eq(q.status, "pending"), sql`${q.runAfter} <= now()`), and(eq(q.status, "processing"), lt(q.leaseExpiresAt, sql`now()`)));
const r = alias(generationQueue, "r");
/** A pending job held back by its batch: paused, cancelled, or scheduled later than `now`. */
const notHeld = (now: Date) =>
  sql`(${q.status} = 'processing' or ${q.batchId} is null or not exists (select 1 from generation_batches b where b.id = ${q.batchId} and (b.state <> 'active' or b.scheduled_at > ${now.toISOString()}::timestamptz)))`;
/** The line's order (ahead of fairness between users, which only the claim applies). */
const lineOrder = [asc(q.sortKey), sql`${q.batchIndex} asc nulls first`, asc(q.createdAt)];

/** The first `limit` pending jobs with their queue position (jobs ahead of them), for position updates. */
export async function pendingPositions(db: Db, limit = 100): Promise<{ id: string; userId: string; position: number }[]> {
  const rows = await db
    .select({
      id: q.id,
      userId: q.userId,
      position: sql<number>`(row_number() over (order by ${q.sortKey} asc, ${q.batchIndex} asc nulls first, ${q.createdAt} asc) - 1)::int`,
    })
    .from(q)
    .where(eq(q.status, "pending"))
    .orderBy(...lineOrder)
    .limit(limit);
  return rows;
}

const owned = (jobId: string, workerId: string) => and(eq(q.id, jobId), eq(q.leaseOwner, workerId), eq(q.status, "processing"));

/** Extends the lease; false when the job is no longer this worker's (lease lost, cancelled). */
export async function extendLease(db: Db, jobId: string, workerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(q)
    .set({ leaseExpiresAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(owned(jobId, workerId))
    .returning({ id: q.id });
  return rows.length > 0;
}

export async function updateOwned(db: Db, jobId: string, workerId: string, patch: Partial<NewJob>): Promise<JobRow | null> {
  const [row] = await db
    .update(q)
    .set({ ...patch, version: nextVersion })
    .where(owned(jobId, workerId))
    .returning();
  return row ?? null;
}

/** Back to pending after a transient failure, due again at `runAfter`. */
export async function retryLater(db: Db, jobId: string, workerId: string, runAfter: Date, errorMessage: string): Promise<JobRow | null> {
  return updateOwned(db, jobId, workerId, {
    status: "pending",
    runAfter,
    retryCount: sql`${q.retryCount} + 1` as unknown as number,
    errorMessage,
    leaseOwner: null,
    leaseExpiresAt: null,
    falRequestId: null,
    progress: 0,
  });
}

export async function getJob(db: Db, userId: string, jobId: string): Promise<JobRow | null> {
  const [row] = await db.select().from(q).where(and(eq(q.id, jobId), eq(q.userId, userId)));
  return row ?? null;
}

export async function getJobById(db: Db, jobId: string): Promise<JobRow | null> {
  const [row] = await db.select().from(q).where(eq(q.id, jobId));
  return row ?? null;
}

export async function findByProviderRequest(db: Db, requestId: string): Promise<JobRow | null> {
  const [row] = await db.select().from(q).where(eq(q.falRequestId, requestId));
  return row ?? null;
}

export async function listJobs(db: Db, userId: string, opts: { statuses?: JobStatus[]; limit: number; before?: Date }) {
  return db
    .select()
    .from(q)
    .where(
      and(
        eq(q.userId, userId),
        opts.statuses?.length ? inArray(q.status, opts.statuses) : undefined,
        opts.before ? lt(q.createdAt, opts.before) : undefined,
      ),
    )
    .orderBy(desc(q.createdAt), desc(q.id))
    .limit(opts.limit);
}

/** Finishes a job in the caller's transaction, only if it is still pending/processing. */
export async function finishJob(
  tx: Db,
  jobId: string,
  status: Extract<JobStatus, "completed" | "failed" | "cancelled">,
  patch: Partial<NewJob>,
  workerId?: string,
): Promise<JobRow | null> {
  const active = workerId ? owned(jobId, workerId) : and(eq(q.id, jobId), inArray(q.status, ["pending", "processing"]));
  const [row] = await tx
    .update(q)
    .set({ ...patch, status, completedAt: sql`now()`, leaseOwner: null, leaseExpiresAt: null, version: nextVersion })
    .where(active)
    .returning();
  return row ?? null;
}

/** Pending jobs that will run before this one (all users: the worker pool is shared). */
export async function queuePosition(db: Db, job: Pick<JobRow, "sortKey" | "batchIndex" | "createdAt">): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(q)
    .where(
      and(
        eq(q.status, "pending"),
        sql`(${q.sortKey}, coalesce(${q.batchIndex}, -1), ${q.createdAt}) < (${job.sortKey}, ${job.batchIndex ?? -1}, ${job.createdAt.toISOString()}::timestamptz)`,
      ),
    );
  return row?.n ?? 0;
}

export async function countActive(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(q)
    .where(and(eq(q.userId, userId), inArray(q.status, ["pending", "processing"])));
  return row?.n ?? 0;
}

/**
 * Queue figures for health: waiting jobs, jobs under a live lease, and how long the longest-waiting runnable job
 * has waited (a due pending job since it became due, or a job whose lease expired since the expiry).
 */
export async function queueFigures(db: Db): Promise<{ pending: number; running: number; runnable: number; oldestWaitSeconds: number | null }> {
  const due = sql`(${q.status} = 'pending' and ${q.runAfter} <= now())`;
  const expired = sql`(${q.status} = 'processing' and ${q.leaseExpiresAt} <= now())`;
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${q.status} = 'pending')::int`,
      running: sql<number>`count(*) filter (where ${q.status} = 'processing' and ${q.leaseExpiresAt} > now())::int`,
      runnable: sql<number>`count(*) filter (where ${due} or ${expired})::int`,
      oldestWaitSeconds: sql<number | null>`extract(epoch from now() - min(case when ${due} then greatest(${q.createdAt}, ${q.runAfter}) when ${expired} then ${q.leaseExpiresAt} end))::float8`,
    })
    .from(q)
    .where(inArray(q.status, ["pending", "processing"]));
  return { pending: row?.pending ?? 0, running: row?.running ?? 0, runnable: row?.runnable ?? 0, oldestWaitSeconds: row?.oldestWaitSeconds ?? null };
}
