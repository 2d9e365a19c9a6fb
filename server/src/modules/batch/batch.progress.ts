import type { BatchEventPayload, BatchStatus } from "@image-studio/shared";
import type { Deps } from "../../context";
import { emitWebhookEvent } from "../developer-webhooks/emit";
import { notify } from "../notifications/notify";
import { type BatchRow, getBatchById, type ItemCounts, itemCounts, markFinished } from "./batch.repo";

/** A batch's status, read off what the user asked (state) and where its items are (counts). */
export function statusOf(batch: BatchRow, c: ItemCounts, now: Date): BatchStatus {
  if (batch.state === "cancelled") return "cancelled";
  const active = c.pending + c.running;
  if (active === 0) {
    if (c.completed === 0 && c.failed > 0) return "failed";
    if (c.completed === 0 && c.failed === 0 && c.cancelled > 0) return "cancelled";
    return "completed";
  }
  if (batch.state === "paused") return "paused";
  const started = c.running + c.completed + c.failed > 0;
  if (!started && batch.scheduledAt && batch.scheduledAt > now) return "scheduled";
  return started ? "running" : "queued";
}

export const EMPTY_COUNTS: ItemCounts = { pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };

export function batchEvent(batch: BatchRow, c: ItemCounts, now: Date): Extract<BatchEventPayload, { type: "batch" }> {
  return {
    type: "batch",
    batchId: batch.id,
    status: statusOf(batch, c, now),
    total: batch.total,
    completed: c.completed,
    failed: c.failed,
  };
}

/**
 * After any job of a batch ends (the worker calls this; so do the batch's own actions): tell the owner's tabs
 * where the batch stands and, the one time its last job ends, notify them and run the completion hooks.
 */
export async function batchJobEnded(deps: Deps, batchId: string): Promise<void> {
  const db = deps.database.db;
  const batch = await getBatchById(db, batchId);
  if (!batch) return;
  const counts = (await itemCounts(db, [batchId])).get(batchId) ?? EMPTY_COUNTS;
  const now = deps.clock.now();
  deps.events.publish(batch.userId, batchEvent(batch, counts, now));
  if (counts.pending + counts.running > 0) return;
  const finished = await markFinished(db, batchId);
  if (!finished || finished.state === "cancelled") return;
  await notify(deps, {
    userId: batch.userId,
    kind: "batch.completed",
    params: { name: batch.name, completed: counts.completed, failed: counts.failed, total: batch.total },
    link: `/batch?id=${batch.id}`,
    data: { batchId: batch.id, completed: counts.completed, failed: counts.failed, total: batch.total },
    dedupeKey: `batch.completed:${batch.id}:${batch.round}`,
  });
  // Outgoing webhooks: one `batch.completed` delivery per finished round (queued durably; the worker sends it).
  await emitWebhookEvent(deps, batch.userId, "batch.completed", {
    batchId: batch.id,
    name: batch.name,
    round: batch.round,
    total: batch.total,
    completed: counts.completed,
    failed: counts.failed,
  }).catch((err: unknown) => deps.log.warn("batch.completed webhook not queued", { batchId, err }));
}
