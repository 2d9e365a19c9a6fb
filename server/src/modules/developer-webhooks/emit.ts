import type { WebhookEvent } from "@image-studio/shared";
import type { Deps } from "../../context";
import type { Db } from "../../db/client";
import { RETRY_WINDOW_MS } from "./deliver";
import * as repo from "./webhooks.repo";

/**
 * Queues `event` for every enabled endpoint of `userId` that subscribes to it. Pass the transaction that makes
 * the change (a job finishing, a share created), so the delivery is queued exactly when the change commits —
 * the worker sends it from the durable queue. Returns the delivery ids.
 */
export async function emitWebhookEvent(
  deps: Deps,
  userId: string,
  event: WebhookEvent,
  payload: Record<string, unknown>,
  db: Db = deps.database.db,
): Promise<string[]> {
  const endpoints = await repo.subscribers(db, userId, event);
  if (!endpoints.length) return [];
  const now = deps.clock.now();
  const rows = await repo.insertDeliveries(
    db,
    endpoints.map((e) => ({
      endpointId: e.id,
      userId,
      event,
      payload,
      status: "pending",
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + RETRY_WINDOW_MS),
      createdAt: now,
    })),
  );
  return rows.map((r) => r.id);
}
