import type { BatchRequest } from "@image-studio/shared";
import { enqueue } from "@/offline";

/**
 * Offline (or the server unreachable): the batch waits in the outbox like a single generation and is queued
 * when the device is back online. Its clientId is the mutation id, so a replay makes one batch.
 */
export async function queueBatchOffline(request: BatchRequest & { clientId: string }): Promise<string> {
  const entry = await enqueue({ id: request.clientId, type: "batch.enqueue", request });
  return entry.id;
}
