import type { SyncMutation } from "@image-studio/shared";
import { db, type OutboxEntry } from "./db";
import { enqueued } from "./events";
import { applyLocal, entitiesOf } from "./local-apply";
import { assertAllowed } from "./shared";

/** Distributive Omit, so each mutation type keeps its own fields. */
export type NewMutation = SyncMutation extends infer M ? (M extends SyncMutation ? Omit<M, "id"> & { id?: string } : never) : never;

/**
 * Queues a change: applies it to the device's copy AND records it in the outbox, in one transaction — either
 * both happen or neither does. The id is minted here (or by the caller) and is the server's idempotency key.
 */
export async function enqueue(input: NewMutation): Promise<OutboxEntry> {
  return (await enqueueMany([input]))[0]!;
}

/** Several changes in one transaction (a bulk action): all are queued, or none. */
export async function enqueueMany(inputs: NewMutation[]): Promise<OutboxEntry[]> {
  const d = db();
  const entries = inputs.map((input): OutboxEntry => {
    const mutation = { ...input, id: input.id ?? crypto.randomUUID() } as SyncMutation;
    return { id: mutation.id, mutation, status: "pending", entities: entitiesOf(mutation), createdAt: Date.now(), attempts: 0 };
  });
  await d.transaction("rw", [...d.dataTables, d.outbox], async () => {
    for (const entry of entries) {
      await assertAllowed(d, entry.mutation);
      await applyLocal(d, entry.mutation);
      entry.seq = await d.outbox.add(entry);
    }
  });
  for (const e of entries) enqueued.emit(e.id);
  return entries;
}

/** Pending entries in the order they were made. */
export const pendingEntries = (limit?: number) => {
  const q = db().outbox.where("status").equals("pending");
  return (limit ? q.limit(limit) : q).sortBy("seq");
};

export const failedEntries = () => db().outbox.where("status").equals("failed").sortBy("seq");
export const pendingCount = () => db().outbox.where("status").equals("pending").count();

/** The user read a failure and lets it go. */
export const dismissFailed = (id: string) => db().outbox.where("id").equals(id).and((e) => e.status === "failed").delete();

/** Pending generations and batches queued on this device (shown as "queued offline"). */
export async function queuedGenerations(): Promise<OutboxEntry[]> {
  return (await pendingEntries()).filter((e) => e.mutation.type === "generation.enqueue" || e.mutation.type === "batch.enqueue");
}
