import type { Job, SyncCollection } from "@image-studio/shared";
import type { generationQueue } from "../../db/schema";
import { toCollection } from "../collections/collections.service";
import type { collectionRows, memberRows } from "./sync.repo";

/** Rows → the camelCase JSON of shared/src/sync.ts. */

type JobRow = typeof generationQueue.$inferSelect;
type CollectionRow = Awaited<ReturnType<typeof collectionRows>>[number];
type MemberRow = Awaited<ReturnType<typeof memberRows>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const byRank = (a: { position: string }, b: { position: string }) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0);

/** A job as GET /api/generate/queue/:id shows it, without the queue position (stale on a device anyway, and a query each). */
export function toJob(j: JobRow): Job {
  return {
    id: j.id,
    status: j.status,
    operation: j.operation,
    modelId: j.modelId,
    prompt: j.prompt,
    negativePrompt: j.negativePrompt,
    parameters: j.parameters,
    projectId: j.projectId,
    parentImageId: j.parentImageId,
    batchId: j.batchId,
    clientId: j.clientId,
    priority: j.priority,
    progress: j.progress,
    imageIds: j.imageIds,
    errorMessage: j.errorMessage,
    retryCount: j.retryCount,
    creditsHeld: j.creditsHeld,
    creditsCharged: j.creditsCharged,
    createdAt: j.createdAt.toISOString(),
    startedAt: iso(j.startedAt),
    completedAt: iso(j.completedAt),
  };
}

/** A collection with its whole hand-curated membership in rank order (trashed images included). */
export function toSyncCollection(row: CollectionRow, members: MemberRow[]): SyncCollection {
  const items = row.smartFilter ? [] : members.filter((m) => m.collectionId === row.id).sort(byRank);
  const firstLive = items.find((m) => !m.deletedAt)?.imageId ?? null;
  return { ...toCollection(row, firstLive), items: items.map((m) => ({ imageId: m.imageId, position: m.position })) };
}
