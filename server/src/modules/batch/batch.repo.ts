import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { batchPresets, generationBatches, generationQueue, nextVersion } from "../../db/schema";

/** Queries of the batch module; every one scoped by the owner. */
export type BatchRow = typeof generationBatches.$inferSelect;
export type NewBatch = typeof generationBatches.$inferInsert;

const b = generationBatches;
const q = generationQueue;

/** Inserts a batch; the same clientId twice returns the first batch (created false). */
export async function insertBatch(tx: Db, values: NewBatch): Promise<{ batch: BatchRow; created: boolean }> {
  const [row] = await tx
    .insert(b)
    .values(values)
    .onConflictDoNothing({ target: [b.userId, b.clientId] })
    .returning();
  if (row) return { batch: row, created: true };
  const [existing] = await tx
    .select()
    .from(b)
    .where(and(eq(b.userId, values.userId), eq(b.clientId, values.clientId!)));
  return { batch: existing!, created: false };
}

export interface BatchJobCommon {
  userId: string;
  /** The owner of a project shared with the caller, whose scope the images land in (null: the caller's own). */
  ownerId: string | null;
  projectId: string | null;
  batchId: string;
  requestId: string | null;
  operation: string;
  priority: number;
  sortKey: number;
}
export interface BatchJobItem {
  batchIndex: number;
  prompt: string;
  negativePrompt: string;
  modelId: string;
  provider: string;
  parameters: Record<string, unknown>;
  creditsHeld: number;
}

/**
 * A batch's jobs in one statement with one parameter (the items as JSON, expanded by jsonb_to_recordset): a
 * 500-job batch costs one round trip and no per-row query building.
 */
export async function insertJobs(tx: Db, common: BatchJobCommon, items: BatchJobItem[]): Promise<number> {
  if (!items.length) return 0;
  const json = JSON.stringify(
    items.map((i) => ({
      batch_index: i.batchIndex,
      prompt: i.prompt,
      negative_prompt: i.negativePrompt,
      model_id: i.modelId,
      provider: i.provider,
      parameters: i.parameters,
      credits_held: i.creditsHeld,
    })),
  );
  const res = await tx.execute(sql`
    insert into generation_queue (user_id, owner_id, project_id, batch_id, batch_index, request_id, operation, prompt, negative_prompt, model_id, provider, parameters, priority, sort_key, credits_held)
    select ${common.userId}::uuid, ${common.ownerId}::uuid, ${common.projectId}::uuid, ${common.batchId}::uuid, r.batch_index, ${common.requestId}, ${common.operation}, r.prompt, r.negative_prompt, r.model_id, r.provider, r.parameters,
           ${common.priority}::smallint, ${common.sortKey}::float8, r.credits_held
    from jsonb_to_recordset(${json}::jsonb) as r(batch_index int, prompt text, negative_prompt text, model_id text, provider text, parameters jsonb, credits_held int)
    returning id`);
  return rowsOf(res).length;
}

export async function getBatch(db: Db, userId: string, id: string): Promise<BatchRow | null> {
  const [row] = await db
    .select()
    .from(b)
    .where(and(eq(b.id, id), eq(b.userId, userId)));
  return row ?? null;
}

export async function getBatchById(db: Db, id: string): Promise<BatchRow | null> {
  const [row] = await db.select().from(b).where(eq(b.id, id));
  return row ?? null;
}

export async function listBatches(db: Db, userId: string, limit: number, before?: Date): Promise<BatchRow[]> {
  return db
    .select()
    .from(b)
    .where(and(eq(b.userId, userId), before ? lt(b.createdAt, before) : undefined))
    .orderBy(desc(b.createdAt), desc(b.id))
    .limit(limit);
}

export async function updateBatch(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<NewBatch>,
  where?: ReturnType<typeof sql>,
): Promise<BatchRow | null> {
  const [row] = await db
    .update(b)
    .set(patch)
    .where(and(eq(b.id, id), eq(b.userId, userId), where))
    .returning();
  return row ?? null;
}

export interface ItemCounts {
  pending: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
}

/** Status of each item's latest attempt (retry-failed adds attempts under the same batch index), counted. */
export async function itemCounts(db: Db, batchIds: string[]): Promise<Map<string, ItemCounts>> {
  const out = new Map<string, ItemCounts>();
  if (!batchIds.length) return out;
  const rows = await db.execute<{ batch_id: string; status: string; n: number }>(sql`
    select batch_id, status, count(*)::int as n from (
      select distinct on (batch_id, batch_index) batch_id, status
      from generation_queue where batch_id in (${sql.join(
        batchIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by batch_id, batch_index, created_at desc
    ) latest group by batch_id, status`);
  for (const r of rowsOf<{ batch_id: string; status: string; n: number }>(rows)) {
    const c = out.get(r.batch_id) ?? { pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
    const key = r.status === "processing" ? "running" : (r.status as keyof ItemCounts);
    c[key] += Number(r.n);
    out.set(r.batch_id, c);
  }
  return out;
}

/** node-postgres answers `{ rows }`, PGlite too; some drivers answer the array itself. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

export async function jobsOf(db: Db, batchId: string) {
  return db.select().from(q).where(eq(q.batchId, batchId)).orderBy(asc(q.batchIndex), asc(q.createdAt));
}

/** Cancels every job of the batch that has not started; returns them (with what each held). */
export async function cancelPending(tx: Db, batchId: string) {
  return tx
    .update(q)
    .set({
      status: "cancelled",
      errorMessage: "Batch cancelled",
      creditsCharged: 0,
      completedAt: sql`now()`,
      version: nextVersion,
    })
    .where(and(eq(q.batchId, batchId), eq(q.status, "pending")))
    .returning({ id: q.id, creditsHeld: q.creditsHeld });
}

/** Marks the batch finished once: only the caller that flips finished_at from null gets the row. */
export async function markFinished(db: Db, batchId: string): Promise<BatchRow | null> {
  const [row] = await db
    .update(b)
    .set({ finishedAt: sql`now()` })
    .where(
      and(
        eq(b.id, batchId),
        sql`${b.finishedAt} is null`,
        sql`not exists (select 1 from generation_queue j where j.batch_id = ${b.id} and j.status in ('pending', 'processing'))`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Median run time (seconds) per model over the last 50 completed jobs of each on this install. */
export async function medianSeconds(db: Db, modelIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!modelIds.length) return out;
  const rows = await db.execute<{ model_id: string; p50: number }>(sql`
    select model_id, percentile_cont(0.5) within group (order by secs)::float8 as p50 from (
      select model_id, extract(epoch from (completed_at - started_at))::float8 as secs,
             row_number() over (partition by model_id order by completed_at desc) as rn
      from generation_queue
      where status = 'completed' and started_at is not null and completed_at is not null
        and model_id in (${sql.join(
          modelIds.map((m) => sql`${m}`),
          sql`, `,
        )})
    ) recent where rn <= 50 group by model_id`);
  for (const r of rowsOf<{ model_id: string; p50: number }>(rows)) out.set(r.model_id, Number(r.p50));
  return out;
}

/** Remaining (pending or running) jobs per model of a batch. */
export async function remainingByModel(db: Db, batchId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ modelId: q.modelId, n: sql<number>`count(*)::int` })
    .from(q)
    .where(and(eq(q.batchId, batchId), inArray(q.status, ["pending", "processing"])))
    .groupBy(q.modelId);
  return new Map(rows.map((r) => [r.modelId, Number(r.n)]));
}

export async function setBatchJobsOrder(tx: Db, userId: string, batchId: string, sortKey: number, priority: number) {
  await tx
    .update(b)
    .set({ sortKey, priority })
    .where(and(eq(b.id, batchId), eq(b.userId, userId)));
  await tx
    .update(q)
    .set({ sortKey, priority })
    .where(and(eq(q.batchId, batchId), eq(q.userId, userId), eq(q.status, "pending")));
}

// ------------------------------------------------------------------------------------------------------------
// Presets

export const listPresets = (db: Db, userId: string) =>
  db.select().from(batchPresets).where(eq(batchPresets.userId, userId)).orderBy(asc(batchPresets.name));

export async function insertPreset(db: Db, userId: string, name: string, config: Record<string, unknown>) {
  const [row] = await db.insert(batchPresets).values({ userId, name, config }).returning();
  return row!;
}

export async function deletePreset(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(batchPresets)
    .where(and(eq(batchPresets.id, id), eq(batchPresets.userId, userId)))
    .returning({ id: batchPresets.id });
  return rows.length > 0;
}
