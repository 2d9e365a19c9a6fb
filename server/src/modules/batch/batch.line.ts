import type { QueueRef, QueueReorder } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { generationQueue, nextVersion } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { rowsOf, setBatchJobsOrder } from "./batch.repo";

export interface LineItem extends QueueRef {
  sortKey: number;
  priority: number;
}

/**
 * The user's waiting line in run order: pending jobs outside batches, and batches with jobs still waiting
 * (a batch is one entry; its jobs keep their order inside it).
 */
export async function line(ctx: Ctx): Promise<LineItem[]> {
  const res = await ctx.db.execute<{ kind: "job" | "batch"; id: string; sort_key: number; priority: number }>(sql`
    select kind, id, sort_key, priority from (
      select 'job' as kind, id, sort_key, priority, created_at from generation_queue
        where user_id = ${ctx.user.id} and status = 'pending' and batch_id is null
      union all
      select 'batch' as kind, b.id, b.sort_key, b.priority, b.created_at from generation_batches b
        where b.user_id = ${ctx.user.id} and b.state <> 'cancelled'
          and exists (select 1 from generation_queue j where j.batch_id = b.id and j.status = 'pending')
    ) line order by sort_key, created_at`);
  return rowsOf<{ kind: "job" | "batch"; id: string; sort_key: number; priority: number }>(res).map((r) => ({
    kind: r.kind,
    id: r.id,
    sortKey: Number(r.sort_key),
    priority: Number(r.priority),
  }));
}

const same = (a: QueueRef, b: QueueRef) => a.kind === b.kind && a.id === b.id;

/**
 * Moves a pending job or a batch just before or after another entry of the line. It takes the neighbour's
 * priority and a sort key between the two entries it now sits between, so the claim order follows at once.
 */
export async function reorder(ctx: Ctx, body: QueueReorder): Promise<LineItem[]> {
  const items = await line(ctx);
  const moving = items.find((i) => same(i, body.move));
  const anchorRef = (body.before ?? body.after)!;
  const anchorAt = items.findIndex((i) => same(i, anchorRef));
  if (!moving || anchorAt < 0) throw new AppError("NOT_FOUND", msg("batch.notWaiting"));
  if (same(moving, anchorRef)) return items;
  const rest = items.filter((i) => !same(i, moving));
  const at = rest.findIndex((i) => same(i, anchorRef));
  const anchor = rest[at]!;
  const neighbour = body.before ? rest[at - 1] : rest[at + 1];
  const gap = 1000;
  const sortKey = neighbour
    ? (anchor.sortKey + neighbour.sortKey) / 2
    : body.before
      ? anchor.sortKey - gap
      : anchor.sortKey + gap;
  await ctx.db.transaction(async (tx) => {
    if (moving.kind === "batch") await setBatchJobsOrder(tx, ctx.user.id, moving.id, sortKey, anchor.priority);
    else {
      await tx
        .update(generationQueue)
        .set({ sortKey, priority: anchor.priority, version: nextVersion })
        .where(
          and(
            eq(generationQueue.id, moving.id),
            eq(generationQueue.userId, ctx.user.id),
            eq(generationQueue.status, "pending"),
            isNull(generationQueue.batchId),
          ),
        );
    }
  });
  ctx.deps.events.publish(ctx.user.id, { type: "line" });
  return line(ctx);
}
