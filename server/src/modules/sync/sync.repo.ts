import type { SyncEntity } from "@image-studio/shared";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { collectionImages, collections, generationQueue, images, projects } from "../../db/schema";

/** Queries of the sync pull: the version watermark, the change feed and the batch reads. All owner-scoped. */


/** The highest version the sequence has handed out (to anyone). */
export async function sequenceHead(db: Db): Promise<number> {
  const res = await db.execute(sql`SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::text AS head FROM sync_version_seq`);
  return Number(rowsOf<{ head: string }>(res)[0]?.head ?? 0);
}

/**
 * Transactions (other than ours) that have taken a sync version and not finished: `nextval` takes a
 * RowExclusiveLock on the sequence before it hands out a value, and the lock is held until commit or rollback.
 */
export async function versionHolders(db: Db, among?: string[]): Promise<string[]> {
  if (among && !among.length) return [];
  const only = among ? sql`AND virtualtransaction IN (${sql.join(among.map((v) => sql`${v}`), sql`, `)})` : sql``;
  const res = await db.execute(sql`
    SELECT DISTINCT virtualtransaction AS vxid FROM pg_locks
     WHERE locktype = 'relation' AND relation = 'sync_version_seq'::regclass AND mode = 'RowExclusiveLock' AND granted
       AND pid IS DISTINCT FROM pg_backend_pid() ${only}`);
  return rowsOf<{ vxid: string }>(res).map((r) => r.vxid);
}

export type ChangeKind = SyncEntity | "settings" | `tombstone:${SyncEntity}`;
export interface Change {
  kind: ChangeKind;
  id: string;
  version: string;
}

/** One branch of the change feed: a table's rows of the user in (after, upTo], by version. */
function branch(kind: SQL, id: SQL, table: SQL, userId: string, after: string, upTo: number, limit: number) {
  return sql`(SELECT ${kind} AS kind, ${id} AS id, version::text AS version, version AS v FROM ${table}
    WHERE user_id = ${userId} AND version > ${after}::bigint AND version <= ${upTo}::bigint ORDER BY version LIMIT ${limit})`;
}

/** The user's changes with after < version <= upTo, across every synced table, in global version order. */
export async function changes(db: Db, userId: string, after: string, upTo: number, limit: number): Promise<Change[]> {
  const parts = [
    branch(sql`'image'`, sql`id`, sql`images`, userId, after, upTo, limit),
    branch(sql`'project'`, sql`id`, sql`projects`, userId, after, upTo, limit),
    branch(sql`'collection'`, sql`id`, sql`collections`, userId, after, upTo, limit),
    branch(sql`'prompt'`, sql`id`, sql`prompts`, userId, after, upTo, limit),
    branch(sql`'job'`, sql`id`, sql`generation_queue`, userId, after, upTo, limit),
    branch(sql`'settings'`, sql`id`, sql`user_settings`, userId, after, upTo, limit),
    branch(sql`'tombstone:' || entity`, sql`entity_id`, sql`tombstones`, userId, after, upTo, limit),
  ];
  const res = await db.execute(sql`SELECT kind, id, version FROM (${sql.join(parts, sql` UNION ALL `)}) AS feed ORDER BY v LIMIT ${limit}`);
  return rowsOf<Change>(res).map((r) => ({ kind: r.kind, id: String(r.id), version: String(r.version) }));
}

export async function imageRows(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ image: images, projectName: projects.name })
    .from(images)
    .leftJoin(projects, and(eq(projects.id, images.projectId), eq(projects.userId, userId)))
    .where(and(eq(images.userId, userId), inArray(images.id, ids)));
}

/** Same derived fields as the projects list (live images only). */
const live = sql`i.project_id = "projects"."id" AND i.deleted_at IS NULL`;
export async function projectRows(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({
      p: projects,
      imageCount: sql<number>`(SELECT count(*)::int FROM images i WHERE ${live})`,
      costCredits: sql<number>`(SELECT coalesce(sum(i.cost_credits), 0)::int FROM images i WHERE ${live})`,
      latestImageId: sql<string | null>`(SELECT i.id FROM images i WHERE ${live} ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`,
    })
    .from(projects)
    .where(and(eq(projects.userId, userId), inArray(projects.id, ids)));
  return rows.map(({ p, ...c }) => ({ ...p, ...c }));
}

export async function collectionRows(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({
      c: collections,
      imageCount: sql<number>`(SELECT count(*)::int FROM collection_images ci JOIN images i ON i.id = ci.image_id
        WHERE ci.collection_id = "collections"."id" AND i.deleted_at IS NULL)`,
    })
    .from(collections)
    .where(and(eq(collections.userId, userId), inArray(collections.id, ids)));
  return rows.map((r) => ({ ...r.c, imageCount: r.imageCount }));
}

/** Every member (trashed images too: the device holds those and hides them) of the given, verified collections. */
export async function memberRows(db: Db, collectionIds: string[]) {
  if (!collectionIds.length) return [];
  return db
    .select({ collectionId: collectionImages.collectionId, imageId: collectionImages.imageId, position: collectionImages.position, deletedAt: images.deletedAt })
    .from(collectionImages)
    .innerJoin(images, eq(images.id, collectionImages.imageId))
    .where(inArray(collectionImages.collectionId, collectionIds));
}

export async function jobRows(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(generationQueue)
    .where(and(eq(generationQueue.userId, userId), inArray(generationQueue.id, ids)));
}
