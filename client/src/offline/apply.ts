import type { ImageDetail, Project, SyncCollection, SyncMutationResult, SyncPull, Tombstone } from "@image-studio/shared";
import { db, type OutboxEntry } from "./db";
import { applyLocal } from "./local-apply";

/** Writing server answers into the device's copy, always re-applying the changes still waiting to be sent. */

/**
 * Pending changes touching these entities, re-applied on top of fresher server rows, oldest first. The pending
 * entries are few (usually none: one empty index read per page); matching them against a page's hundreds of refs
 * is done here rather than as hundreds of index lookups.
 */
export async function rebase(refs: string[]) {
  const d = db();
  if (!refs.length) return;
  const pending = await d.outbox.where("status").equals("pending").toArray(); // in seq order (the index's tiebreak)
  if (!pending.length) return;
  const wanted = new Set(refs);
  for (const e of pending) if (e.entities.some((r) => wanted.has(r))) await applyLocal(d, e.mutation);
}

const tables = () => {
  const d = db();
  return [...d.dataTables, d.outbox, d.syncMeta, d.blobs, d.saved];
};

/**
 * A page is in version order across kinds, so an id can come back to life in the same page (deleted, then
 * created again with the same client-minted id): a tombstone only counts when no newer row of that id came with it.
 */
function liveTombstones(page: SyncPull): Tombstone[] {
  const newest = new Map<string, number>();
  const rows: [Tombstone["entity"], { id: string; version: number }[]][] = [
    ["image", page.images],
    ["project", page.projects],
    ["collection", page.collections],
    ["prompt", page.prompts],
  ];
  for (const [entity, list] of rows) for (const r of list) newest.set(`${entity}:${r.id}`, Math.max(r.version, newest.get(`${entity}:${r.id}`) ?? -1));
  return page.tombstones.filter((t) => (newest.get(`${t.entity}:${t.id}`) ?? -1) < t.version);
}

async function dropTombstones(tombstones: Tombstone[]) {
  const d = db();
  const by = (entity: Tombstone["entity"]) => tombstones.filter((t) => t.entity === entity).map((t) => t.id);
  const purged = by("image");
  await Promise.all([
    d.images.bulkDelete(purged),
    d.projects.bulkDelete(by("project")),
    d.collections.bulkDelete(by("collection")),
    d.prompts.bulkDelete(by("prompt")),
    d.jobs.bulkDelete(by("job")),
  ]);
  if (purged.length) await d.blobs.where("imageId").anyOf(purged).delete();
}

/** One pull page: rows, tombstones and the new cursor, all or nothing. */
export async function applyPage(page: SyncPull): Promise<number> {
  const d = db();
  await d.transaction("rw", tables(), async () => {
    // Pages are mostly one kind of row: skip the empty writes (each is still a request through Dexie's stack).
    if (page.images.length) await d.images.bulkPut(page.images);
    if (page.projects.length) await d.projects.bulkPut(page.projects);
    if (page.collections.length) await d.collections.bulkPut(page.collections);
    if (page.prompts.length) await d.prompts.bulkPut(page.prompts);
    if (page.jobs.length) {
      // A job that came from a generation queued offline replaces its placeholder.
      const clientIds = page.jobs.map((j) => j.clientId).filter((c): c is string => !!c);
      if (clientIds.length) await d.jobs.where("clientId").anyOf(clientIds).and((j) => !!j.offline).delete();
      await d.jobs.bulkPut(page.jobs);
    }
    if (page.tombstones.length) await dropTombstones(liveTombstones(page));
    const refs = [
      ...page.images.map((r) => `image:${r.id}`),
      ...page.projects.map((r) => `project:${r.id}`),
      ...page.collections.map((r) => `collection:${r.id}`),
      ...page.prompts.map((r) => `prompt:${r.id}`),
    ];
    await rebase(refs);
    const meta = (await d.syncMeta.get("sync")) ?? { key: "sync" as const };
    await d.syncMeta.put({ ...meta, cursor: page.cursor, ...(page.settings ? { settings: page.settings } : {}) });
  });
  return page.images.length + page.projects.length + page.collections.length + page.prompts.length + page.jobs.length + page.tombstones.length;
}

export interface Settled {
  applied: OutboxEntry[];
  failed: OutboxEntry[];
  /** Entities whose local copy must be re-pulled because a change to them was refused. */
  revert: string[];
}

/** Push results: applied entries leave the outbox; refused ones stay, marked failed, with the server's words. */
export async function settleResults(batch: OutboxEntry[], results: SyncMutationResult[]): Promise<Settled> {
  const d = db();
  const byId = new Map(results.map((r) => [r.id.toLowerCase(), r]));
  const out: Settled = { applied: [], failed: [], revert: [] };
  await d.transaction("rw", [d.outbox, d.jobs], async () => {
    for (const entry of batch) {
      const r = byId.get(entry.id.toLowerCase());
      if (!r) {
        await d.outbox.update(entry.seq!, { attempts: entry.attempts + 1 });
        continue;
      }
      if (r.status === "applied") {
        await d.outbox.delete(entry.seq!);
        // The real job (r.entityId) arrives with the next pull; the "queued offline" placeholder goes now.
        if (entry.mutation.type === "generation.enqueue") await d.jobs.delete(entry.id);
        out.applied.push(entry);
        continue;
      }
      const error = r.error ?? { code: r.status === "conflict" ? "CONFLICT" : "REJECTED", message: "The server refused this change." };
      const failed: OutboxEntry = { ...entry, status: "failed", result: r.status, error, attempts: entry.attempts + 1 };
      await d.outbox.put(failed);
      out.failed.push(failed);
      out.revert.push(...entry.entities);
    }
  });
  out.revert = [...new Set(out.revert)];
  return out;
}

/** Marks a whole batch failed (the server refused the request itself, e.g. a malformed change). */
export async function failBatch(batch: OutboxEntry[], error: { code: string; message: string }): Promise<OutboxEntry[]> {
  const failed = batch.map((e): OutboxEntry => ({ ...e, status: "failed", result: "rejected", error, attempts: e.attempts + 1 }));
  await db().outbox.bulkPut(failed);
  return failed;
}

type Row = ImageDetail | Project | SyncCollection | { id: string };

/** Puts the server's row back (or removes the local one when the server has none), then re-applies what is still pending. */
export async function revertEntity(ref: string, row: Row | null): Promise<void> {
  const d = db();
  const [kind, id] = ref.split(":") as [string, string];
  const table = { image: d.images, project: d.projects, collection: d.collections, prompt: d.prompts, job: d.jobs }[kind];
  if (!table) return;
  await d.transaction("rw", tables(), async () => {
    // A teammate's image stays marked as theirs (kept out of the user's own views).
    const shared = kind === "image" && row && (await d.images.get(id))?.shared ? { shared: true as const } : {};
    if (row) await (table as typeof d.images).put({ ...(row as ImageDetail), ...shared });
    else await table.delete(id);
    await rebase([ref]);
  });
}
